package com.onecloud.http.problem;

/** One entry of a problem's {@code validationResult}: which input was wrong and why. */
public record Violation(String field, String message) {
}
