package com.onecloud.http.paging;

import java.util.ArrayList;
import java.util.List;

import com.onecloud.http.problem.InvalidInput;
import com.onecloud.http.problem.Violation;

/**
 * {@code ?limit=} (default 50, 1–500) and {@code ?offset=} (default 0, not negative) of every collection (contract §4).
 * Parsed from the raw query strings so that {@code limit=abc} is a 400 naming the parameter, like any other bad value.
 */
public record PageRequest(int limit, int offset) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public static PageRequest of(String limit, String offset) {
        List<Violation> violations = new ArrayList<>();
        int l = parse(limit, DEFAULT_LIMIT, "limit", violations);
        int o = parse(offset, 0, "offset", violations);
        if (violations.isEmpty() && (l < 1 || l > MAX_LIMIT)) {
            violations.add(new Violation("limit", "limit must be between 1 and " + MAX_LIMIT + "."));
        }
        if (violations.stream().noneMatch(v -> v.field().equals("offset")) && o < 0) {
            violations.add(new Violation("offset", "offset must not be negative."));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput("Invalid paging parameters.", violations);
        }
        return new PageRequest(l, o);
    }

    private static int parse(String value, int fallback, String name, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            violations.add(new Violation(name, name + " must be an integer."));
            return fallback;
        }
    }
}
