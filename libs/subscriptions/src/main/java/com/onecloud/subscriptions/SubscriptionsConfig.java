package com.onecloud.subscriptions;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Live subscriptions to collections (contract §4, "Subscriptions"). */
@ConfigMapping(prefix = "onecloud.subscriptions")
public interface SubscriptionsConfig {

    /** The topics whose events this service's subscribers receive; none switches subscriptions off. */
    Optional<List<String>> topics();

    /**
     * How often an idle stream gets a comment line (the contract: at least every 15 s). Each costs a write per stream,
     * most of what an idle subscriber costs: 14 s keeps under the contract's bound with a second to spare.
     */
    @WithDefault("14s")
    Duration heartbeat();

    /**
     * How many changes may wait for a slow subscriber (and, while a resumed stream replays, how many live ones); past
     * that its stream is closed, and it resumes from its last id.
     */
    @WithDefault("256")
    int buffer();

    /** How long a resumed stream may take to read what it missed from Kafka before it is closed (to retry). */
    @WithDefault("30s")
    Duration replayTimeout();
}
