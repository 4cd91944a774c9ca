package com.onecloud.events.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.onecloud.events.CloudEvent;
import com.onecloud.events.TicketRevoked;
import com.onecloud.events.Topics;
import com.onecloud.events.UserDeleted;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/** The one consumer loop against a real broker: typed decoding, skipping, positions, retries, commits. */
class EventConsumerTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final Duration WITHIN = Duration.ofSeconds(30);

    private static EmbeddedKafkaBroker broker;
    private final Map<String, Object> kafka = Map.of("bootstrap.servers", broker.getAdvertisedListeners());
    private final List<EventConsumer> started = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startBroker() {
        // Topics are created on demand, as on the test brokers of the services.
        broker = new EmbeddedKafkaBroker().withDeleteLogDirsOnClose(true).withAdditionalProperties(p -> {
            p.put("group.initial.rebalance.delay.ms", "0");
            p.put("auto.create.topics.enable", "true");
        }).start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @AfterEach
    void stopConsumers() {
        started.forEach(EventConsumer::stop);
    }

    @Test
    void aBroadcastListenerReceivesTypedEventsFromNowOnAndSkipsUnreadableRecords() throws Exception {
        String topic = newTopic();
        send(topic, "t0", revoked("t0"));
        Recording listener = new Recording(Subscription.broadcast("test-" + topic, topic, "test-"));
        EventConsumer consumer = start(listener);
        await().atMost(WITHIN).until(consumer::isListening);
        assertThat(consumer.positionsLost()).as("the first assignment sets the position").isEqualTo(1);

        send(topic, "x", "not json");
        send(topic, "y", "{\"id\": \"e-1\"}");
        send(topic, "t1", revoked("t1"));
        await().atMost(WITHIN).until(() -> listener.events.size() == 1);
        CloudEvent<?> event = listener.events.get(0);
        assertThat(event.type()).isEqualTo(Topics.TICKET_REVOKED);
        assertThat(event.data()).isInstanceOf(TicketRevoked.class);
        assertThat(((TicketRevoked) event.data()).ticketId()).as("nothing from before the start, nothing unreadable")
                .isEqualTo("t1");
    }

    @Test
    void aBroadcastListenerThatLosesItsPositionHearsItBeforeTheNextEvent() throws Exception {
        String topic = newTopic();
        Recording listener = new Recording(Subscription.broadcast("test-" + topic, topic, "test-"));
        EventConsumer consumer = start(listener);
        await().atMost(WITHIN).until(consumer::isListening);
        for (int i = 0; i < 5; i++) {
            send(topic, "t" + i, revoked("t" + i));
        }
        await().atMost(WITHIN).until(() -> listener.events.size() == 5);
        listener.cached.set(true);
        long lost = consumer.positionsLost();

        // The topic comes back empty (as after a broker that lost its log): the consumer's position is past its end,
        // and whatever was published meanwhile could have been missed. (The test broker creates topics on demand, so
        // the consumer itself may bring it back.)
        try (Admin admin = Admin.create(kafka)) {
            admin.deleteTopics(List.of(topic)).all().get();
        }
        await().atMost(WITHIN).until(() -> consumer.positionsLost() > lost);
        assertThat(listener.cached).as("the listener cleared what it derived from the events").isFalse();

        await().atMost(WITHIN).untilAsserted(() -> {
            send(topic, "after", revoked("after"));
            assertThat(listener.ticketIds()).contains("after");
        });
    }

    @Test
    void aSharedListenerGetsAFailedEventAgainAndResumesAfterTheLastHandledOne() throws Exception {
        String topic = newTopic();
        String group = "test-group-" + UUID.randomUUID();
        AtomicInteger failures = new AtomicInteger(1);
        Recording first = new Recording(Subscription.shared("test-" + topic, topic, group, Duration.ofMillis(200))) {
            @Override
            public void handle(CloudEvent<?> event) throws Exception {
                if (failures.getAndDecrement() > 0) {
                    throw new IllegalStateException("database down");
                }
                super.handle(event);
            }
        };
        send(topic, "u1", userDeleted("u1"));
        send(topic, "u2", userDeleted("u2"));
        EventConsumer consumer = start(first);
        await().atMost(WITHIN).until(() -> first.userIds().equals(List.of("u1", "u2")));
        consumer.stop();

        send(topic, "u3", userDeleted("u3"));
        Recording second = new Recording(first.subscription());
        start(second);
        await().atMost(WITHIN).until(() -> second.userIds().equals(List.of("u3")));
        assertThat(second.positionLosses.get()).as("a shared group keeps its position").isZero();
    }

    private EventConsumer start(EventListener listener) {
        EventConsumer consumer = new EventConsumer(listener, kafka, new EventDecoder(JSON));
        started.add(consumer);
        consumer.start();
        return consumer;
    }

    private String newTopic() throws Exception {
        String topic = "events-test-" + UUID.randomUUID();
        try (Admin admin = Admin.create(kafka)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        return topic;
    }

    private void send(String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static String revoked(String ticketId) throws Exception {
        return JSON.writeValueAsString(CloudEvent.of("/test", Topics.TICKET_REVOKED, ticketId, Instant.now(),
                Map.of("ticketId", ticketId, "reason", "REVOKED", "addedLater", "ignored")));
    }

    private static String userDeleted(String userId) throws Exception {
        return JSON.writeValueAsString(CloudEvent.of("/test", Topics.USER_DELETED, userId, Instant.now(),
                new UserDeleted("o1", userId, Instant.now())));
    }

    /** Records what it receives; {@code cached} stands for a cache derived from the events. */
    private static class Recording implements EventListener {

        final List<CloudEvent<?>> events = new CopyOnWriteArrayList<>();
        final AtomicBoolean cached = new AtomicBoolean();
        final AtomicInteger positionLosses = new AtomicInteger();
        private final Subscription subscription;

        Recording(Subscription subscription) {
            this.subscription = subscription;
        }

        @Override
        public Subscription subscription() {
            return subscription;
        }

        @Override
        public void handle(CloudEvent<?> event) throws Exception {
            events.add(event);
        }

        @Override
        public void positionLost() {
            positionLosses.incrementAndGet();
            cached.set(false);
        }

        List<String> ticketIds() {
            return events.stream().map(e -> ((TicketRevoked) e.data()).ticketId()).toList();
        }

        List<String> userIds() {
            return events.stream().map(e -> ((UserDeleted) e.data()).userId()).toList();
        }
    }
}
