package com.onecloud.http.problem;

import java.util.List;
import java.util.Map;

/**
 * Root of the domain exceptions a service throws to answer with a client error. The HTTP status of each subclass is
 * decided in exactly one place, {@link ErrorClassifier}; the message becomes the problem's {@code detail}, so it must
 * never contain a credential or internal detail.
 */
public abstract class ApiException extends RuntimeException {

    private final List<Violation> violations;

    protected ApiException(String detail) {
        this(detail, List.of());
    }

    protected ApiException(String detail, List<Violation> violations) {
        super(detail, null, false, false);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    /** Headers the status requires, e.g. {@code WWW-Authenticate} or {@code Retry-After}. */
    public Map<String, String> headers() {
        return Map.of();
    }
}
