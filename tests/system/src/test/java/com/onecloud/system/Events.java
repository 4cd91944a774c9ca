package com.onecloud.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The platform's topics as a subscriber outside the platform reads them: from the beginning, in no group. */
final class Events {

    static final String TICKET_EVENTS = "ticket-events";
    static final String DIRECTORY_EVENTS = "directory-events";
    static final String REVOKED = "onecloud.ticket.revoked.v1";
    static final String ROTATED = "onecloud.ticket.rotated.v1";
    static final String USER_DELETED = "onecloud.user.deleted.v1";
    static final String ACTIVATION_CHANGED = "onecloud.activation.changed.v1";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An event and when its publisher sent it (the record's timestamp). */
    record Published(JsonNode event, Instant sentAt) {
    }

    private Events() {
    }

    /** The first event of {@code type} about the ticket; fails if none arrives within {@code timeout}. */
    static JsonNode await(String ticketId, String type, Duration timeout) {
        return published(ticketId, type, timeout).event();
    }

    /** {@link #await(String, String, Duration)} with the time it was sent. */
    static Published published(String ticketId, String type, Duration timeout) {
        return await(TICKET_EVENTS, event -> ticketId.equals(event.path("subject").asText())
                && type.equals(event.path("type").asText()), timeout);
    }

    /** The first event on {@code topic} that {@code matches}; fails if none arrives within {@code timeout}. */
    static Published await(String topic, Predicate<JsonNode> matches, Duration timeout) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Clients.platform().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(),
                new StringDeserializer())) {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                // The broker may just be starting again.
                try {
                    partitions = consumer.partitionsFor(topic, Duration.ofSeconds(2)).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                } catch (TimeoutException e) {
                    partitions = List.of();
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode event = JSON.readTree(record.value());
                    if (matches.test(event)) {
                        return new Published(event, Instant.ofEpochMilli(record.timestamp()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no such event on " + topic + " within " + timeout);
    }
}
