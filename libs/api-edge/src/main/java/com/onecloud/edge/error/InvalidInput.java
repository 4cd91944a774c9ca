package com.onecloud.edge.error;

import java.util.List;

import com.onecloud.edge.problem.Violation;

/** The request URI, a header or the body is invalid; {@link #violations()} names each offending part. */
public class InvalidInput extends ApiException {

    public InvalidInput(String detail, List<Violation> violations) {
        super(detail, violations);
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(message, List.of(new Violation(field, message)));
    }
}
