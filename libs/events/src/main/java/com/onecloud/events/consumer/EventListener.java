package com.onecloud.events.consumer;

import com.onecloud.events.CloudEvent;

/**
 * A bean that reacts to events. {@link EventConsumers} gives each enabled listener its own {@link EventConsumer}; the
 * listener's methods run on that consumer's thread, one event at a time, in order per partition.
 */
public interface EventListener {

    /** What to consume and how; read once, at start. */
    Subscription subscription();

    /** Whether this replica consumes at all (a listener can be switched off by configuration). */
    default boolean enabled() {
        return true;
    }

    /**
     * Handles one event. Delivery is at least once: handling must be idempotent on {@link CloudEvent#id()}.
     * {@code data} is the typed payload of a known type ({@link com.onecloud.events.EventTypes}), otherwise the raw
     * JSON. Throwing means "not now": the consumer starts again after a backoff, and a shared subscription receives
     * the same event again.
     */
    void handle(CloudEvent<?> event) throws Exception;

    /**
     * Events may have been skipped (broadcast subscriptions only): the consumer was (re)assigned its partitions and
     * reads from their end, or the broker no longer had its position. Whatever the listener derived from the events
     * it may have missed, a cache above all, must be forgotten here. Called before the first event after it.
     */
    default void positionLost() {
    }
}
