package com.onecloud.http.problem;

import java.util.Map;

/** A dependency the request needs cannot answer now; the client may retry after {@link #retryAfterSeconds()}. */
public class Unavailable extends ApiException {

    private final int retryAfterSeconds;

    public Unavailable(String detail, int retryAfterSeconds) {
        super(detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Integer.toString(retryAfterSeconds));
    }
}
