package com.onecloud.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code changes} of an update: the names of the fields whose value differs, in the order they were named. Values
 * are compared here and dropped: an entry names fields only.
 */
public final class Changes {

    private final Map<String, Object[]> fields = new LinkedHashMap<>();

    private Changes() {
    }

    public static Changes compare() {
        return new Changes();
    }

    /** Adds a field with its value before and after. */
    public Changes field(String name, Object before, Object after) {
        fields.put(name, new Object[] { before, after });
        return this;
    }

    /** The names of the fields whose values differ. */
    public List<String> names() {
        List<String> changed = new ArrayList<>();
        fields.forEach((name, values) -> {
            if (!Objects.equals(values[0], values[1])) {
                changed.add(name);
            }
        });
        return List.copyOf(changed);
    }
}
