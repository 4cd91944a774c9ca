package com.onecloud.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The outbox relay of a publishing service, under {@code onecloud.outbox.*}. */
@ConfigMapping(prefix = "onecloud.outbox")
public interface OutboxConfig {

    /** Whether this replica relays outbox rows to Kafka. */
    @WithDefault("true")
    boolean enabled();

    /** Fallback poll interval; a commit that wrote an event wakes the relay at once. */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Most rows published per round. */
    @WithDefault("100")
    int batchSize();

    /** Upper bound of the retry backoff while Kafka or the database is unreachable. */
    @WithDefault("5s")
    Duration maxBackoff();

    /** How long one send may wait for the broker before the round is retried. */
    @WithDefault("6s")
    Duration sendTimeout();
}
