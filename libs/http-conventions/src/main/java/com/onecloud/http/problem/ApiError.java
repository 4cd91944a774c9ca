package com.onecloud.http.problem;

import java.util.List;
import java.util.Map;

/**
 * An error response before it is rendered: status, a client-safe detail, the violations of a 400 and any headers the
 * status requires ({@code Allow}, {@code Retry-After}, {@code WWW-Authenticate}).
 */
public record ApiError(int status, String detail, List<Violation> violations, Map<String, String> headers) {

    public ApiError {
        violations = List.copyOf(violations);
        headers = Map.copyOf(headers);
    }

    public static ApiError of(int status, String detail) {
        return new ApiError(status, detail, List.of(), Map.of());
    }

    public static ApiError invalid(String field, String message) {
        return new ApiError(400, message, List.of(new Violation(field, message)), Map.of());
    }

    public ApiError withHeader(String name, String value) {
        var copy = new java.util.HashMap<>(headers);
        copy.put(name, value);
        return new ApiError(status, detail, violations, copy);
    }

    public boolean isServerError() {
        return status >= 500;
    }
}
