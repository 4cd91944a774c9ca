package com.onecloud.http.problem;

import java.util.List;

/** The request URI, a header or the body is invalid; {@link #violations()} names each offending part. */
public class InvalidInput extends ApiException {

    public InvalidInput(String detail, List<Violation> violations) {
        super(detail, violations);
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(message, List.of(new Violation(field, message)));
    }
}
