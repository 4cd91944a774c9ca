package com.onecloud.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;

/** Every usage report published so far, read from the beginning of {@code usage-events}. */
public final class UsageReports {

    private static final String TOPIC = "usage-events";

    private UsageReports() {
    }

    /** The {@code data} of every report on the topic now. */
    public static List<JsonNode> all() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConsumerConfig.GROUP_ID_CONFIG, "usage-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<JsonNode> reports = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    reports.add(Json.MAPPER.readTree(record.value()).path("data"));
                }
            }
            return reports;
        } catch (Exception e) {
            throw new IllegalStateException("reading " + TOPIC + " failed", e);
        }
    }

    /** The sum of one count ({@code allowed}, {@code forbidden} or {@code invalid}) over every report of the ticket. */
    public static long total(String ticketId, String count) {
        long total = 0;
        for (JsonNode report : all()) {
            for (JsonNode ticket : report.path("tickets")) {
                if (ticketId.equals(ticket.path("ticketId").asText())) {
                    total += ticket.path(count).asLong();
                }
            }
        }
        return total;
    }
}
