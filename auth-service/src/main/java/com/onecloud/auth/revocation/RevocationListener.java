package com.onecloud.auth.revocation;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.InvalidOffsetException;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import com.onecloud.auth.AuthConfig;
import com.onecloud.events.consumer.QuietListening;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Receives every revocation on its own thread. The consumer group is unique to this process ({@code <prefix>-<uuid>})
 * so that every replica gets every event (contract §6: broadcast). It reads from the end of the topic: whenever
 * partitions are (re)assigned, or the broker no longer has the position (it came back with an empty log), it moves to
 * the end and empties the cache, so nothing verified before the listener could hear of a revocation stays cached. A poll
 * returns as soon as a revocation arrives, however long its timeout ({@link QuietListening}). It rides out broker
 * outages (the Kafka client reconnects by itself; meanwhile the cache TTL bounds staleness) and closes on shutdown.
 */
@ApplicationScoped
public class RevocationListener {

    private static final Logger LOG = Logger.getLogger(RevocationListener.class);

    private final Map<String, Object> kafkaConfig;
    private final AuthConfig.Revocation config;
    private final RevocationHandler handler;

    private volatile KafkaConsumer<String, String> consumer;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile boolean listening;
    private volatile boolean failed;
    /** Written only by the listener thread. */
    private volatile long timesPositioned;

    RevocationListener(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, AuthConfig config,
            RevocationHandler handler) {
        this.kafkaConfig = kafkaConfig;
        this.config = config.revocation();
        this.handler = handler;
    }

    void start(@Observes StartupEvent startup) {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupIdPrefix() + "-" + UUID.randomUUID());
        // "Latest", done by hand (seekToEnd) so that every jump over unread events also empties the cache.
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        // A group of one that always starts at the end has nothing to gain from committed offsets.
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, QuietListening.FETCH_MAX_WAIT_MS);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "auth-service-revocations");
        consumer = new KafkaConsumer<>(props);
        running = true;
        thread = new Thread(this::run, "revocation-listener");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("Listening for revocations on %s as group %s", config.topic(), props.get(ConsumerConfig.GROUP_ID_CONFIG));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        Thread t = thread;
        if (c != null) {
            c.wakeup();
        }
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether partitions are assigned and their start positions fixed: from now on no revocation is missed. */
    public boolean isListening() {
        return listening;
    }

    /** Whether the listener thread stopped on an error it could not recover from. */
    public boolean hasFailed() {
        return failed;
    }

    /**
     * How many times the listener moved to the end of the topic and emptied the cache: on the first assignment, on every
     * re-assignment, and when the broker no longer had its position.
     */
    public long timesPositioned() {
        return timesPositioned;
    }

    private void run() {
        Duration pollTimeout = config.pollTimeout();
        KafkaConsumer<String, String> c = consumer;
        try {
            c.subscribe(List.of(config.topic()), new PositionOnAssign(c));
            while (running) {
                try {
                    for (ConsumerRecord<String, String> record : c.poll(pollTimeout)) {
                        handler.handle(record.value());
                    }
                } catch (WakeupException e) {
                    break;
                } catch (InvalidOffsetException e) {
                    // The broker lost the position (e.g. it came back with an empty log): events may have been missed.
                    LOG.warnf("Revocation listener lost its position on %s; resuming at the end", e.partitions());
                    listenFromNowOn(c, e.partitions());
                } catch (RuntimeException e) {
                    // Kafka's own connection trouble never reaches here (poll just returns nothing); this is anything else.
                    LOG.warnf("Revocation listener error, retrying: %s", e.toString());
                    pause(config.errorBackoff());
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failed = true;
            LOG.error("Revocation listener stopped", e);
        } finally {
            listening = false;
            // Bounded, so that shutdown does not hang while the broker is unreachable.
            try {
                c.close(CloseOptions.timeout(Duration.ofSeconds(2)));
            } catch (RuntimeException e) {
                LOG.debugf("Closing the revocation consumer: %s", e.toString());
            }
        }
    }

    /**
     * Starts reading at the end of the partitions (fixing the position now, not at the next fetch) and then empties the
     * cache: an event before that position may never be read, so nothing verified before it may stay cached.
     */
    private void listenFromNowOn(KafkaConsumer<String, String> c, Collection<TopicPartition> partitions) {
        c.seekToEnd(partitions);
        partitions.forEach(c::position);
        handler.startedListening();
        timesPositioned++;
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Fixes the start position (the end) as soon as partitions are assigned, so events sent after that are seen. */
    private final class PositionOnAssign implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, String> c;

        PositionOnAssign(KafkaConsumer<String, String> c) {
            this.c = c;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                listenFromNowOn(c, partitions);
            }
            listening = !c.assignment().isEmpty();
            LOG.debugf("Revocation listener assigned %s", partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Unique group: nothing to hand over.
        }
    }
}
