package com.onecloud.events.consumer;

import java.time.Duration;
import java.util.List;

/**
 * What one {@link EventListener} consumes, and how.
 *
 * @param name names the consumer's thread, Kafka client id and log lines
 * @param maxBackoff the longest wait before the consumer starts again after a failure
 */
public record Subscription(String name, List<String> topics, Delivery delivery, Duration maxBackoff) {

    private static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);

    public Subscription {
        topics = List.copyOf(topics);
    }

    /** Every replica receives every event: for caches, which each replica keeps for itself. */
    public static Subscription broadcast(String name, String topic, String groupPrefix) {
        return broadcast(name, List.of(topic), groupPrefix);
    }

    /** {@link #broadcast(String, String, String)} of several topics. */
    public static Subscription broadcast(String name, List<String> topics, String groupPrefix) {
        return new Subscription(name, topics, new Delivery.Broadcast(groupPrefix), DEFAULT_MAX_BACKOFF);
    }

    /** Each event is handled once, by one of the replicas: for work that changes shared state. */
    public static Subscription shared(String name, String topic, String groupId, Duration maxBackoff) {
        return new Subscription(name, List.of(topic), new Delivery.Shared(groupId), maxBackoff);
    }

    /** How the replicas of a service divide a topic's events between them. */
    public sealed interface Delivery {

        /**
         * A consumer group of its own per process ({@code <groupPrefix><uuid>}), reading from the end of the topic
         * and committing nothing: only events from now on matter. Whenever the consumer's position is set anew (every
         * assignment, and when the broker no longer has the position), events may have been skipped, and the listener
         * hears {@link EventListener#positionLost()}.
         */
        record Broadcast(String groupPrefix) implements Delivery {
        }

        /**
         * One group for all replicas: each event goes to one of them, which commits its offset once the event was
         * handled; a new group starts at the earliest event still kept.
         */
        record Shared(String groupId) implements Delivery {
        }
    }
}
