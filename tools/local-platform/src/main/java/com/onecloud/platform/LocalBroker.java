package com.onecloud.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;


import org.apache.kafka.common.Uuid;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * Kafka for the platform: a single-node KRaft broker in this process whose log lives in the data folder (kept
 * between runs, under a stable cluster id), or an existing cluster.
 */
final class LocalBroker implements AutoCloseable {

    private final PlatformConfig config;
    private EmbeddedKafkaBroker embedded;

    LocalBroker(PlatformConfig config) {
        this.config = config;
    }

    void start() {
        if (!config.embeddedKafka() || embedded != null) {
            return;
        }
        Ports.requireFree(config.kafkaPort(), "ONECLOUD_KAFKA_PORT", "Kafka");
        Path logDir = config.dataDir().resolve("kafka");
        String clusterId = clusterId();
        embedded = new EmbeddedKafkaBroker()
                .withKafkaPort(config.kafkaPort())
                .withControllerPort(Ports.free())
                .withClusterId(clusterId)
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(p -> {
                    p.put("log.dirs", logDir.toString());
                    p.put("group.initial.rebalance.delay.ms", "0");
                    p.put("auto.create.topics.enable", "true");
                    p.put("num.partitions", "3");
                    p.put("offsets.topic.replication.factor", "1");
                    p.put("transaction.state.log.replication.factor", "1");
                    p.put("transaction.state.log.min.isr", "1");
                })
                .start();
    }

    /** Stops the embedded broker, as an outage would. */
    void stop() {
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }

    String bootstrapServers() {
        return config.embeddedKafka() ? "localhost:" + config.kafkaPort() : config.kafkaBootstrapServers();
    }

    private String clusterId() {
        Path file = config.dataDir().resolve("kafka-cluster-id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            // A KRaft cluster id is 22 base64url characters (16 bytes).
            String id = Uuid.randomUuid().toString();
            Files.createDirectories(config.dataDir());
            Files.writeString(file, id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
