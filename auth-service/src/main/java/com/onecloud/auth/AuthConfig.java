package com.onecloud.auth;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** auth-service's own configuration (environment: {@code ONECLOUD_AUTH_...}). */
@ConfigMapping(prefix = "onecloud.auth")
public interface AuthConfig {

    /** Cache of verified credentials. */
    Cache cache();

    /** Reading the credential view. */
    Database db();

    /** OpenID Connect Bearer JWTs (contract §2). */
    Oidc oidc();

    interface Cache {

        /**
         * How long a verified credential is reused without reading the database again; also the longest a revoked
         * credential can keep working when Kafka is down (contract §6). At most 30 seconds: a longer value is refused at
         * start-up. 0 disables the cache, and so does anything under 1 second: callers reuse decisions for whole
         * seconds.
         */
        @WithDefault("30s")
        Duration ttl();

        /** Most verified credentials held at once; the least recently used ones go first. */
        @WithDefault("100000")
        long maxSize();
    }

    interface Database {

        /** Longest wait for a credential lookup before the decision API answers 503. */
        @WithDefault("2s")
        Duration timeout();

        /** {@code Retry-After} seconds of a 503 when the database cannot answer. */
        @WithDefault("5")
        int retryAfterSeconds();
    }

    /**
     * OpenID Connect Bearer JWTs, verified locally by the OIDC tenant {@code decision} ({@code quarkus.oidc.decision.*}:
     * {@code public-key}, or {@code auth-server-url} with {@code jwks-path}; {@code token.issuer} is required) and
     * mapped to a USER or SUPERUSER principal from the claims named here.
     */
    interface Oidc {

        /** Whether JWTs are accepted at all; when false they are refused as invalid_token. */
        @WithDefault("false")
        boolean enabled();

        /** Claim holding the principal kind: {@code USER} or {@code SUPERUSER} (any other value is refused). */
        @WithDefault("onecloud_kind")
        String kindClaim();

        /** Claim holding the organization id; required for USER principals. */
        @WithDefault("onecloud_org")
        String organizationClaim();

        /** Claim holding the user id in the organization's directory; required for USER principals. */
        @WithDefault("onecloud_user")
        String userClaim();

        /** Claim holding the granted APIs: a JSON array or a space- or comma-separated string. */
        @WithDefault("onecloud_apis")
        String apisClaim();

        /**
         * Whether a JWT may make its bearer a SUPERUSER. Off unless the provider is trusted with platform-wide
         * administration: then anyone who can get the kind claim set in a token of that provider is a superuser.
         */
        @WithDefault("false")
        boolean superuserAllowed();
    }
}
