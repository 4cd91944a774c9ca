package com.onecloud.ticket.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Every setting of ticket-service under {@code onecloud.*}; each is also settable as an environment variable. */
@ConfigMapping(prefix = "onecloud")
public interface TicketServiceConfig {

    /** The bootstrap SUPERUSER credential. */
    Bootstrap bootstrap();

    /** Rules for issuing tickets. */
    Tickets tickets();

    /** The consumer of resource-service's directory events. */
    Directory directory();

    /** The consumer of the usage reports. */
    UsageReports usageReports();

    /**
     * Base URL of auth-service's decision API ({@code ONECLOUD_AUTH_URL}). Read by the auth client's REST client
     * ({@code quarkus.rest-client.auth-service.url}); declared here only because this mapping owns {@code onecloud.*}
     * and would otherwise refuse the property as unknown.
     */
    @WithName("auth.url")
    Optional<String> authUrl();

    interface Bootstrap {
        /** Token of the bootstrap SUPERUSER ticket ({@code ONECLOUD_BOOTSTRAP_TOKEN}); none means no bootstrap ticket. */
        Optional<String> token();

        /** Secret of the bootstrap SUPERUSER ticket ({@code ONECLOUD_BOOTSTRAP_SECRET}); required with the token. */
        Optional<String> secret();

        /** How long the bootstrap ticket is valid from its creation. */
        @WithDefault("P365D")
        Duration validity();
    }

    interface Tickets {
        /** Validity of a ticket created without {@code expiresAt}, and the longest one a creator may choose. */
        @WithDefault("P365D")
        Duration maxValidity();

        /** Grace period of a rotation whose request names none, in seconds. */
        @WithDefault("3600")
        int defaultGraceSeconds();
    }

    interface Directory {
        /** Whether this replica consumes directory events. */
        @WithDefault("true")
        boolean enabled();

        /** Consumer group: replicas share the work (each event is handled by one replica). */
        @WithDefault("ticket-service")
        String groupId();

        /** Upper bound of the retry backoff while an event cannot be handled. */
        @WithDefault("5s")
        Duration maxBackoff();
    }

    interface UsageReports {
        /** Consumer group: replicas share the work (each report is added by one replica). */
        @WithDefault("ticket-service-usage")
        String groupId();

        /** Upper bound of the retry backoff while a report cannot be added. */
        @WithDefault("5s")
        Duration maxBackoff();
    }
}
