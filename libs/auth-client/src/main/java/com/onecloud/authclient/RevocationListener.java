package com.onecloud.authclient;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onecloud.events.consumer.QuietListening;
import com.onecloud.events.Topics;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Evicts cached decisions the moment a ticket is revoked. Every replica consumes every revocation: the consumer group
 * is unique to this process and starts at the latest offset, since anything older than the cache's maximum age no
 * longer matters.
 */
@ApplicationScoped
public class RevocationListener {

    private static final Logger LOG = Logger.getLogger(RevocationListener.class);

    private final DecisionCache cache;
    private final ObjectMapper json;
    private final AuthClientConfig config;
    private final Map<String, Object> kafka;
    private final String groupPrefix;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean assigned;
    private Thread thread;

    @Inject
    RevocationListener(DecisionCache cache, ObjectMapper json, AuthClientConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.cache = cache;
        this.json = json;
        this.config = config;
        this.kafka = kafka;
        this.groupPrefix = applicationName + "-decision-cache-";
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupPrefix + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        // A group of one that always starts at the end has nothing to gain from committed offsets.
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, QuietListening.FETCH_MAX_WAIT_MS);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        thread = new Thread(this::run, "decision-cache-revocations");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (consumer != null) {
            consumer.wakeup();
            thread.join(5000);
        }
    }

    private void run() {
        try (KafkaConsumer<String, String> c = consumer) {
            c.subscribe(List.of(Topics.TICKET_EVENTS), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    // Starting at the latest offset skips whatever was published while this consumer had no
                    // partitions (a broker outage, a rebalance): forget every decision rather than trust one of them.
                    cache.clear();
                    assigned = true;
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // Each replica has its own group: nothing to hand over.
                }
            });
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, String> record : c.poll(QuietListening.POLL_TIMEOUT)) {
                    handle(record.value());
                }
            }
        } catch (WakeupException e) {
            // Shutting down.
        } catch (RuntimeException e) {
            LOG.error("revocation listener stopped; cached decisions now expire only by age", e);
        }
    }

    /** Whether revocations reach this replica: false until the consumer has its partitions, or when disabled. */
    public boolean isListening() {
        return assigned && thread != null && thread.isAlive();
    }

    void handle(String value) {
        try {
            JsonNode event = json.readTree(value);
            if (Topics.TICKET_REVOKED.equals(event.path("type").asText())) {
                JsonNode data = event.path("data");
                String ticketId = data.path("ticketId").asText(null);
                if (ticketId != null) {
                    // One old credential retired after a rotation's grace: the ticket lives on with its new one, and
                    // the old credential's own expiry already bounds every cached answer about it.
                    boolean wholeTicket = data.path("credentialId").isMissingNode() || data.path("credentialId").isNull();
                    int evicted = wholeTicket ? cache.revokeTicket(ticketId) : cache.evictTicket(ticketId);
                    LOG.debugf("ticket %s revoked (%s): %d cached decisions evicted", ticketId,
                            wholeTicket ? "whole ticket" : "one credential", evicted);
                }
            }
        } catch (Exception e) {
            LOG.warnf("unreadable event on %s ignored: %s", Topics.TICKET_EVENTS, e.getMessage());
        }
    }
}
