package com.onecloud.http.problem;

import java.util.Map;

/** No credential, or one that is unknown, malformed, expired, revoked or has a wrong secret (contract §3 rule 1). */
public class Unauthenticated extends ApiException {

    private final String challenge;

    /** @param challenge the {@code WWW-Authenticate} value to send */
    public Unauthenticated(String detail, String challenge) {
        super(detail);
        this.challenge = challenge;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("WWW-Authenticate", challenge);
    }
}
