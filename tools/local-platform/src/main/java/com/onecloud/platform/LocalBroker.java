package com.onecloud.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * Kafka for the platform: a single-node KRaft broker in this process whose log lives in the data folder (kept
 * between runs, under a stable cluster id), or an existing cluster.
 */
final class LocalBroker implements AutoCloseable {

    /** The topics the services publish to (deploy/base/kafka/topics.yaml). */
    private static final List<String> TOPICS = List.of("ticket-events", "directory-events", "contact-events",
            "usage-events", "audit-events");
    private static final int PARTITIONS = 3;

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
                    p.put("num.partitions", Integer.toString(PARTITIONS));
                    p.put("offsets.topic.replication.factor", "1");
                    p.put("transaction.state.log.replication.factor", "1");
                    p.put("transaction.state.log.min.isr", "1");
                })
                .start();
        createTopics();
    }

    /**
     * Creates the platform's topics, as Strimzi's KafkaTopic resources do in Kubernetes before any service starts.
     * Left to auto-creation, a topic would appear with its first event, and consumers subscribed to it before then
     * would find it only at their next metadata refresh: the first user deletion reached ticket-service 0.5 s late.
     */
    private void createTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = TOPICS.stream().filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, PARTITIONS, (short) 1)).toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) { // a client's metadata request created it meanwhile
                throw new PlatformException("Cannot create the Kafka topics: " + e.getMessage(), e);
            }
        } catch (TimeoutException e) {
            throw new PlatformException("Cannot create the Kafka topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while creating the Kafka topics");
        }
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
