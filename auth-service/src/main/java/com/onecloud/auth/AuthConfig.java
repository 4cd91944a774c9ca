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

    /** Revocation events from Kafka. */
    Revocation revocation();

    interface Cache {

        /**
         * How long a verified credential is reused without reading the database again; also the longest a revoked
         * credential can keep working when Kafka is down (contract §6). At most 30 seconds: a longer value is refused at
         * start-up. 0 disables the cache.
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

    interface Revocation {

        /** Topic carrying {@code onecloud.ticket.revoked.v1} (contract §6). */
        @WithDefault("ticket-events")
        String topic();

        /**
         * Prefix of this process's consumer group; a random suffix makes the group unique per process, so every replica
         * receives every revocation (broadcast).
         */
        @WithDefault("auth-service")
        String groupIdPrefix();

        /** Longest a poll waits for records; short, so that eviction is prompt and shutdown quick. */
        @WithDefault("100ms")
        Duration pollTimeout();

        /** Pause after an unexpected consumer error before polling again. */
        @WithDefault("1s")
        Duration errorBackoff();
    }
}
