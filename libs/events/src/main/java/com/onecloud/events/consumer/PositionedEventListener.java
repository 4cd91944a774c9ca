package com.onecloud.events.consumer;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;

import com.onecloud.events.CloudEvent;

/**
 * A listener that also needs where each event lies in its topic, for a position a client can resume from (the
 * subscriptions' event ids). Broadcast subscriptions only.
 */
public interface PositionedEventListener extends EventListener {

    /** Handles one event, read at {@code offset} of {@code partition}. */
    void handle(CloudEvent<?> event, TopicPartition partition, long offset) throws Exception;

    /**
     * The consumer's position in these partitions was set anew (see {@link EventListener#positionLost()}, which
     * follows): the next event of each will be read at the offset given here. Other partitions keep theirs.
     */
    void positionsSet(Map<TopicPartition, Long> positions);

    /** Never called: the consumer calls the positioned {@code handle}. */
    @Override
    default void handle(CloudEvent<?> event) {
        throw new IllegalStateException("a positioned listener takes each event with its position");
    }
}
