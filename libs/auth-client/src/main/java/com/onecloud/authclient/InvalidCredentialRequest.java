package com.onecloud.authclient;

import java.util.List;
import java.util.Map;

import com.onecloud.http.problem.InvalidInput;
import com.onecloud.http.problem.Violation;

/** 400 for a request whose credential cannot be read unambiguously (RFC 6750 {@code invalid_request}). */
final class InvalidCredentialRequest extends InvalidInput {

    InvalidCredentialRequest(String detail) {
        super(detail, List.of(new Violation("Authorization", detail)));
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("WWW-Authenticate", Challenges.INVALID_REQUEST);
    }
}
