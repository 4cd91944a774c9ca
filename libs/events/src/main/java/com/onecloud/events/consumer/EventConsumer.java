package com.onecloud.events.consumer;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.InvalidOffsetException;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import com.onecloud.events.CloudEvent;
import com.onecloud.events.consumer.Subscription.Delivery;

/**
 * The one Kafka consumer loop of the platform: one thread per {@link EventListener}, started and stopped by
 * {@link EventConsumers}.
 * <ul>
 * <li>Records that are not readable CloudEvents are logged (never their content) and skipped, so that one bad record
 * cannot stop a partition.</li>
 * <li>Any failure, the listener's included, closes the Kafka consumer and starts a new one after a backoff that
 * doubles up to the subscription's maximum: a shared subscription resumes at its last committed offset (the failed
 * event comes again), a broadcast one at the end of the topic, after {@link EventListener#positionLost()}.</li>
 * <li>Broker outages need nothing here: the Kafka client reconnects by itself and {@code poll} returns nothing
 * meanwhile.</li>
 * <li>It waits quietly: the broker answers a fetch as soon as a record arrives and {@code poll} returns as soon as a
 * fetch brings records, so the long waits below delay no event; they only set how often an idle consumer, and the
 * broker serving it, wake up (Kafka's defaults cost each idle listener a few percent of a core).</li>
 * </ul>
 */
public final class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    private static final int FETCH_MAX_WAIT_MS = 5_000;
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration MIN_BACKOFF = Duration.ofMillis(200);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);
    private static final String HEARTBEAT_AGE = "last-heartbeat-seconds-ago";

    private final EventListener listener;
    private final Subscription subscription;
    private final Map<String, Object> kafka;
    private final EventDecoder decoder;
    private final AtomicLong positionsLost = new AtomicLong();
    private final Thread thread;
    private volatile boolean running;
    private volatile boolean listening;
    /** {@code System.nanoTime()} when the consumer last heard from its group coordinator, i.e. from the broker. */
    private volatile long heardAt = System.nanoTime() - Long.MAX_VALUE / 2;
    private volatile KafkaConsumer<String, String> consumer;

    EventConsumer(EventListener listener, Map<String, Object> kafka, EventDecoder decoder) {
        this.listener = listener;
        this.subscription = listener.subscription();
        this.kafka = Map.copyOf(kafka);
        this.decoder = decoder;
        this.thread = new Thread(this::run, subscription.name());
        this.thread.setDaemon(true);
    }

    void start() {
        running = true;
        thread.start();
        LOG.infof("Consuming %s as %s (%s)", subscription.topics(), subscription.name(), subscription.delivery());
    }

    void stop() {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether partitions are assigned (for broadcast: and their positions fixed), so that events now arrive. */
    public boolean isListening() {
        return listening;
    }

    /** Whether the consumer thread runs: it stops only when the application does. */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /**
     * Whether events reach the listener now: it is listening and heard from the broker within {@code bound}. A consumer
     * cut off from the broker (or its group coordinator) stops being current after the bound, though its thread runs on.
     */
    public boolean isCurrent(Duration bound) {
        return listening && System.nanoTime() - heardAt < bound.toNanos();
    }

    /** How many times the listener heard {@link EventListener#positionLost()}. */
    public long positionsLost() {
        return positionsLost.get();
    }

    private void run() {
        Duration backoff = MIN_BACKOFF;
        while (running) {
            KafkaConsumer<String, String> c = new KafkaConsumer<>(clientConfig());
            consumer = c;
            try {
                c.subscribe(subscription.topics(), new OnAssignment(c));
                while (running) {
                    pollOnce(c);
                    backoff = MIN_BACKOFF;
                }
            } catch (WakeupException e) {
                // stop()
            } catch (Exception e) {
                if (running) {
                    LOG.warnf("%s failed; starting again in %d ms: %s", subscription.name(), backoff.toMillis(),
                            e.toString());
                    sleep(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(subscription.maxBackoff()) < 0
                            ? backoff.multipliedBy(2) : subscription.maxBackoff();
                }
            } finally {
                listening = false;
                consumer = null;
                close(c);
            }
        }
    }

    private void pollOnce(KafkaConsumer<String, String> c) throws Exception {
        Iterable<ConsumerRecord<String, String>> records;
        try {
            records = c.poll(POLL_TIMEOUT);
        } catch (InvalidOffsetException e) {
            // The broker no longer has the position (it came back with an empty log, say): events may be lost.
            LOG.warnf("%s lost its position on %s; reading on from the end", subscription.name(), e.partitions());
            listenFromNowOn(c, e.partitions());
            return;
        }
        noteContact(c);
        for (ConsumerRecord<String, String> record : records) {
            CloudEvent<?> event = decoder.decode(record.value());
            if (event == null) {
                LOG.warnf("%s skipped a record that is not a readable CloudEvent at %s-%d offset %d",
                        subscription.name(), record.topic(), record.partition(), record.offset());
            } else if (listener instanceof PositionedEventListener positioned) {
                positioned.handle(event, new TopicPartition(record.topic(), record.partition()), record.offset());
            } else {
                listener.handle(event);
            }
            if (subscription.delivery() instanceof Delivery.Shared) {
                c.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1)));
            }
        }
    }

    /** Records when the group coordinator last answered a heartbeat (every few seconds while the broker is there). */
    private void noteContact(KafkaConsumer<String, String> c) {
        for (Map.Entry<MetricName, ? extends Metric> metric : c.metrics().entrySet()) {
            if (HEARTBEAT_AGE.equals(metric.getKey().name()) && metric.getValue().metricValue() instanceof Double ago
                    && ago >= 0) {
                long at = System.nanoTime() - (long) (ago * 1_000_000_000L);
                if (at - heardAt > 0) {
                    heardAt = at;
                }
                return;
            }
        }
    }

    /**
     * Moves to the end of the partitions, fixing the position now rather than at the next fetch, and then tells the
     * listener: an event before that position may never be read.
     */
    private void listenFromNowOn(KafkaConsumer<String, String> c, Collection<TopicPartition> partitions) {
        c.seekToEnd(partitions);
        Map<TopicPartition, Long> positions = new HashMap<>();
        partitions.forEach(partition -> positions.put(partition, c.position(partition)));
        if (listener instanceof PositionedEventListener positioned) {
            positioned.positionsSet(Map.copyOf(positions));
        }
        listener.positionLost();
        positionsLost.incrementAndGet();
    }

    private Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, subscription.name() + "-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        if (subscription.delivery() instanceof Delivery.Broadcast broadcast) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, broadcast.groupPrefix() + UUID.randomUUID());
            // "Latest", done by hand (listenFromNowOn), so that every jump over unread events is told to the listener.
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        } else if (subscription.delivery() instanceof Delivery.Shared shared) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, shared.groupId());
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
        }
        return config;
    }

    private void close(KafkaConsumer<String, String> c) {
        // Bounded, so that shutting down does not hang while the broker is unreachable.
        try {
            c.close(CloseOptions.timeout(CLOSE_TIMEOUT));
        } catch (RuntimeException e) {
            LOG.debugf("Closing %s: %s", subscription.name(), e.toString());
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Fixes the start position as soon as partitions are assigned, so that events sent after that are seen. */
    private final class OnAssignment implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, String> c;

        OnAssignment(KafkaConsumer<String, String> c) {
            this.c = c;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (subscription.delivery() instanceof Delivery.Broadcast && !partitions.isEmpty()) {
                listenFromNowOn(c, partitions);
            }
            listening = subscription.delivery() instanceof Delivery.Shared || !c.assignment().isEmpty();
            heardAt = System.nanoTime();
            LOG.debugf("%s assigned %s", subscription.name(), partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Offsets are committed per event as it is handled: nothing to hand over.
        }
    }
}
