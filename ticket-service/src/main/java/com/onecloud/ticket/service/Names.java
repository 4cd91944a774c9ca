package com.onecloud.ticket.service;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.onecloud.access.Api;
import com.onecloud.http.problem.InvalidInput;

/** Names a client wrote (any case, spaces around) as the values they name; a bad one is reported by its field. */
final class Names {

    private Names() {
    }

    /** At least one API, each a name of {@link Api}. */
    static Set<Api> apis(List<String> names) {
        Set<Api> apis = EnumSet.noneOf(Api.class);
        for (String name : names) {
            apis.add(of(Api.class, name, "apis"));
        }
        if (apis.isEmpty()) {
            throw InvalidInput.of("apis", "apis must name at least one API.");
        }
        return apis;
    }

    /** The constant of {@code type} that {@code name} names; null for an absent (null or empty) query parameter. */
    static <E extends Enum<E>> E optional(Class<E> type, String name, String field) {
        return name == null || name.isEmpty() ? null : of(type, name, field);
    }

    /** The constant of {@code type} that {@code name} names. */
    static <E extends Enum<E>> E of(Class<E> type, String name, String field) {
        if (name != null) {
            for (E value : type.getEnumConstants()) {
                if (value.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
                    return value;
                }
            }
        }
        List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        throw InvalidInput.of(field, field + " must be one of " + String.join(", ", allowed) + ".");
    }
}
