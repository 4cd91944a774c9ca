package com.onecloud.events.consumer;

import java.time.Duration;

/**
 * How a consumer that waits for rare events (revocations, directory changes) listens without waking up for nothing.
 * The broker answers a fetch as soon as a record arrives, and {@code poll} returns as soon as a fetch brings records,
 * so neither wait below delays an event: they only set how often an idle consumer, and the broker serving it, wake up.
 * With Kafka's defaults (a fetch held 500 ms, a poll of 100 ms) each idle listener cost its service 2–3 % of a core,
 * and the broker more.
 */
public final class QuietListening {

    /** How long the broker may hold a fetch open while there is nothing to read. */
    public static final int FETCH_MAX_WAIT_MS = 5_000;

    /** How long one poll waits while nothing arrives. */
    public static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);

    private QuietListening() {
    }
}
