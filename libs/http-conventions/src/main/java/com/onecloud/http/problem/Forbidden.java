package com.onecloud.http.problem;

import java.util.Map;

/** A valid credential that does not allow this request (contract §3 rules 2–4 and 6). */
public class Forbidden extends ApiException {

    private final String challenge;

    public Forbidden(String detail) {
        this(detail, null);
    }

    /** @param challenge the {@code WWW-Authenticate} value to send, or null */
    public Forbidden(String detail, String challenge) {
        super(detail);
        this.challenge = challenge;
    }

    @Override
    public Map<String, String> headers() {
        return challenge == null ? Map.of() : Map.of("WWW-Authenticate", challenge);
    }
}
