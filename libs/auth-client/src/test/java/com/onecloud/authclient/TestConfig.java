package com.onecloud.authclient;

import java.time.Duration;

/** The auth client's settings as the unit tests use them: a 30 s cache of 100 decisions. */
final class TestConfig implements AuthClientConfig {

    @Override
    public Duration cacheMaxAge() {
        return Duration.ofSeconds(30);
    }

    @Override
    public long cacheMaxSize() {
        return 100;
    }

    @Override
    public int retryAfterSeconds() {
        return 2;
    }
}
