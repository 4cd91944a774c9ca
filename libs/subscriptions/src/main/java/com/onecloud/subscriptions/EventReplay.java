package com.onecloud.subscriptions;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.onecloud.events.CloudEvent;
import com.onecloud.events.KafkaClients;
import com.onecloud.events.consumer.EventDecoder;

/**
 * Serves {@code Last-Event-ID}: reads the topics from the client's cursor to their end as it is when the replay
 * starts (the stream is registered with the live feed before, so that nothing after that end is missed), and gives the
 * stream the changes of its collection. A cursor that Kafka no longer keeps (older than the topics' retention), that
 * names other topics, or that lies beyond their end, starts the stream with {@code reset}.
 */
@ApplicationScoped
public class EventReplay {

    private static final Logger LOG = Logger.getLogger(EventReplay.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaClients kafka;
    private final EventDecoder decoder;
    private final SubscriptionsConfig config;
    /** Replays block on Kafka: two at a time, off the event loop. */
    private final ExecutorService readers = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "subscription-replay");
        thread.setDaemon(true);
        return thread;
    });

    EventReplay(KafkaClients kafka, ObjectMapper json, SubscriptionsConfig config) {
        this.kafka = kafka;
        this.decoder = new EventDecoder(json);
        this.config = config;
    }

    void start(ChangeStream stream, Cursor from, List<String> topics, Changes changes) {
        readers.execute(() -> {
            try {
                replay(stream, from, topics, changes);
            } catch (RuntimeException e) {
                LOG.warnf("A subscription's replay failed; the stream is closed for its client to retry: %s",
                        e.toString());
                stream.close();
            }
        });
    }

    @PreDestroy
    void stop() {
        readers.shutdownNow();
    }

    private void replay(ChangeStream stream, Cursor from, List<String> topics, Changes changes) {
        try (KafkaConsumer<String, String> reader = kafka.reader("subscription-replay-" + UUID.randomUUID(),
                BROKER_TIMEOUT)) {
            Set<TopicPartition> partitions = new HashSet<>();
            for (String topic : topics) {
                for (PartitionInfo info : reader.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            Map<TopicPartition, Long> begin = reader.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions);
            if (!resumable(from, partitions, begin, end)) {
                stream.reset();
                stream.replayDone(new Cursor(end));
                return;
            }
            reader.assign(partitions);
            partitions.forEach(p -> reader.seek(p, Math.max(from.next(p), begin.get(p))));
            Cursor position = from;
            RecentIds seen = new RecentIds(ChangeHub.RECENT_IDS);
            long deadline = System.nanoTime() + config.replayTimeout().toNanos();
            while (!stream.isClosed() && !reachedEnd(reader, partitions, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the replay took longer than " + config.replayTimeout());
                }
                for (ConsumerRecord<String, String> record : reader.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    position = position.past(partition, record.offset());
                    CloudEvent<?> event = decoder.decode(record.value());
                    Optional<Change> change = event == null ? Optional.empty() : changes.of(event);
                    if (change.isPresent() && change.get().key().equals(stream.key()) && seen.add(event.id())) {
                        stream.replayed(change.get(), position);
                    }
                }
            }
            stream.replayDone(position.max(new Cursor(end)));
        }
    }

    /**
     * Whether every partition the cursor names is one of ours and still holds the cursor's position; a partition it
     * does not name (added since) is read from its beginning.
     */
    private static boolean resumable(Cursor from, Set<TopicPartition> partitions, Map<TopicPartition, Long> begin,
            Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> position : from.next().entrySet()) {
            TopicPartition partition = position.getKey();
            if (!partitions.contains(partition) || position.getValue() < begin.get(partition)
                    || position.getValue() > end.get(partition)) {
                return false;
            }
        }
        return !from.next().isEmpty();
    }

    private static boolean reachedEnd(KafkaConsumer<String, String> reader, Set<TopicPartition> partitions,
            Map<TopicPartition, Long> end) {
        return partitions.stream().allMatch(p -> reader.position(p) >= end.get(p));
    }
}
