package com.onecloud.subscriptions;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.onecloud.events.CloudEvent;
import com.onecloud.events.consumer.EventConsumer;
import com.onecloud.events.consumer.EventConsumers;
import com.onecloud.events.consumer.PositionedEventListener;
import com.onecloud.events.consumer.Subscription;
import com.onecloud.subscriptions.ChangeStream.Position;

/**
 * Every replica reads the service's topics itself (broadcast, from their end) and hands each change to the streams of
 * its collection held in this process: no database read per subscriber. It also keeps the feed's cursor, the id of the
 * position after each change. When that position is set anew (events may have been skipped), every stream is closed
 * and its client resumes from its last id, which the replay serves exactly.
 */
@ApplicationScoped
public class ChangeHub implements PositionedEventListener {

    /** Between the application's name and the process's UUID in the consumer group id (the Kafka ACLs name it). */
    public static final String GROUP_INFIX = "-subscriptions-";
    private static final Logger LOG = Logger.getLogger(ChangeHub.class);
    /** How many event ids the hub remembers to drop the outbox's repeats (they follow their original closely). */
    static final int RECENT_IDS = 4096;

    private final Subscription subscription;
    private final boolean enabled;
    private final EventConsumers consumers;
    private final Changes changes;
    private final Map<StreamKey, Set<ChangeStream>> streams = new ConcurrentHashMap<>();
    /** Guarded by this; changed on the consumer's thread only. */
    private final Map<TopicPartition, Long> next = new HashMap<>();
    private Cursor cursor = Cursor.EMPTY;
    private final RecentIds recent = new RecentIds(RECENT_IDS);

    ChangeHub(SubscriptionsConfig config, EventConsumers consumers, ObjectMapper json,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        List<String> topics = config.topics().orElse(List.of());
        this.enabled = !topics.isEmpty();
        this.subscription = Subscription.broadcast("subscriptions", enabled ? topics : List.of("unused"),
                application + GROUP_INFIX);
        this.consumers = consumers;
        this.changes = new Changes(json);
    }

    @Override
    public Subscription subscription() {
        return subscription;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    Changes changes() {
        return changes;
    }

    List<String> topics() {
        return subscription.topics();
    }

    @Override
    public void handle(CloudEvent<?> event, TopicPartition partition, long offset) {
        Optional<Change> change = changes.of(event);
        synchronized (this) {
            next.merge(partition, offset + 1, Math::max);
            cursor = null;
            if (change.isPresent() && !recent.add(event.id())) {
                return; // the outbox delivers at least once: a copy of an event already given out
            }
            Set<ChangeStream> receivers = change.map(c -> streams.get(c.key())).orElse(null);
            if (receivers == null || receivers.isEmpty()) {
                return;
            }
            Cursor now = cursor();
            Position id = new Position(now, now.encode());
            for (ChangeStream stream : receivers) {
                stream.live(change.get(), partition, offset, id);
            }
        }
    }

    @Override
    public synchronized void positionsSet(Map<TopicPartition, Long> positions) {
        next.putAll(positions);
        cursor = null;
    }

    @Override
    public void positionLost() {
        long closed = all().peek(ChangeStream::close).count();
        LOG.debugf("Subscriptions read from now on; %d streams closed to resume", closed);
    }

    /** Whether changes reach this process: the feed has its partitions. */
    public boolean isListening() {
        EventConsumer consumer = consumers.get(subscription.name());
        return consumer != null && consumer.isListening();
    }

    /** Adds a stream; it receives every change the feed reads after the returned cursor. */
    synchronized Cursor register(ChangeStream stream) {
        streams.computeIfAbsent(stream.key(), key -> ConcurrentHashMap.newKeySet()).add(stream);
        return cursor();
    }

    void unregister(ChangeStream stream) {
        streams.computeIfPresent(stream.key(), (key, set) -> {
            set.remove(stream);
            return set.isEmpty() ? null : set;
        });
    }

    Stream<ChangeStream> all() {
        return streams.values().stream().flatMap(Collection::stream);
    }

    long count() {
        return streams.values().stream().mapToLong(Set::size).sum();
    }

    private Cursor cursor() {
        if (cursor == null) {
            cursor = new Cursor(next);
        }
        return cursor;
    }
}
