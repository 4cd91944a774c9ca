package com.onecloud.ticket.ticket.rest;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.onecloud.access.Api;
import com.onecloud.access.PrincipalKind;
import com.onecloud.http.problem.InvalidInput;
import com.onecloud.ticket.ticket.service.TicketFilter;
import com.onecloud.ticket.ticket.service.TicketStatus;

/** Turns request names and query parameters into domain values, reporting a bad one by its field name. */
final class RequestParsing {

    private RequestParsing() {
    }

    static Set<Api> apis(List<String> names) {
        Set<Api> apis = EnumSet.noneOf(Api.class);
        for (String name : names) {
            apis.add(enumValue(Api.class, name, "apis"));
        }
        if (apis.isEmpty()) {
            throw InvalidInput.of("apis", "apis must name at least one API.");
        }
        return apis;
    }

    static PrincipalKind kind(String name) {
        return name == null ? null : enumValue(PrincipalKind.class, name, "kind");
    }

    static TicketFilter filter(String status, String kind, String userId) {
        return new TicketFilter(status == null || status.isEmpty() ? null : enumValue(TicketStatus.class, status, "status"),
                kind == null || kind.isEmpty() ? null : enumValue(PrincipalKind.class, kind, "kind"),
                userId == null || userId.isEmpty() ? null : userId);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String field) {
        if (name != null) {
            for (E value : type.getEnumConstants()) {
                if (value.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
                    return value;
                }
            }
        }
        List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        throw InvalidInput.of(field, field + " must be one of " + String.join(", ", allowed) + ".");
    }
}
