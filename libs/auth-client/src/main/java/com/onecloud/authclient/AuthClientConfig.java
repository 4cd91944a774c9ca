package com.onecloud.authclient;

import java.time.Duration;

import com.onecloud.access.Protected;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The client side of authentication, shared by every service that protects endpoints with {@link Protected}. */
@ConfigMapping(prefix = "onecloud.auth-client")
public interface AuthClientConfig {

    /** Upper bound on how long an ALLOW decision is reused; auth-service may allow less, never more. */
    @WithDefault("30s")
    Duration cacheMaxAge();

    /** Maximum number of cached decisions. */
    @WithDefault("50000")
    long cacheMaxSize();

    /** {@code Retry-After} sent with a 503 when no decision can be had. */
    @WithDefault("2")
    int retryAfterSeconds();
}
