package com.onecloud.ticket.directory;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onecloud.events.consumer.QuietListening;
import com.onecloud.events.Topics;
import com.onecloud.ticket.config.TicketServiceConfig;
import com.onecloud.outbox.KafkaClients;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import com.onecloud.ticket.support.BlockingAwait;

/**
 * Consumes {@code directory-events} on its own thread, in the consumer group {@code ticket-service} (replicas share
 * the partitions: each event is handled once, by one replica). An offset is committed only after its event was
 * handled and committed to the database; an event that cannot be handled now (database down) is retried with capped
 * backoff, and broker outages are ridden out by the client's reconnects. A record that is not a readable CloudEvent
 * is logged and skipped, so that one bad record cannot stop the partition.
 */
@ApplicationScoped
public class DirectoryEventConsumer {

    private static final Logger LOG = Logger.getLogger(DirectoryEventConsumer.class);
    private static final Duration MIN_BACKOFF = Duration.ofMillis(200);
    private static final int MAX_EVENT_ID = 100;

    private final KafkaClients kafka;
    private final DirectoryEventHandler handler;
    private final ObjectMapper mapper;
    private final TicketServiceConfig.Directory config;

    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    DirectoryEventConsumer(KafkaClients kafka, DirectoryEventHandler handler, ObjectMapper mapper,
            TicketServiceConfig config) {
        this.kafka = kafka;
        this.handler = handler;
        this.mapper = mapper;
        this.config = config.directory();
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Directory event consumer disabled on this replica");
            return;
        }
        running = true;
        thread = new Thread(this::run, "directory-events");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        Duration backoff = MIN_BACKOFF;
        while (running) {
            try (KafkaConsumer<String, String> c = kafka.consumer("ticket-service-directory", config.groupId())) {
                consumer = c;
                c.subscribe(List.of(Topics.DIRECTORY_EVENTS));
                while (running) {
                    ConsumerRecords<String, String> records = c.poll(QuietListening.POLL_TIMEOUT);
                    for (TopicPartition partition : records.partitions()) {
                        for (ConsumerRecord<String, String> record : records.records(partition)) {
                            handle(record);
                            c.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
                        }
                    }
                    backoff = MIN_BACKOFF;
                }
            } catch (WakeupException e) {
                if (!running) {
                    return;
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                // Re-creating the consumer resumes from the last committed offset: the failed event comes again.
                LOG.warnf("Directory event consumer failed, resuming in %d ms: %s", backoff.toMillis(), e.toString());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(config.maxBackoff()) < 0 ? backoff.multipliedBy(2)
                        : config.maxBackoff();
            } finally {
                consumer = null;
            }
        }
    }

    private void handle(ConsumerRecord<String, String> record) throws Exception {
        JsonNode event;
        try {
            event = mapper.readTree(record.value());
        } catch (Exception e) {
            LOG.warnf("Skipping unreadable record at %s-%d offset %d", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        String id = text(event, "id");
        String type = text(event, "type");
        JsonNode data = event == null ? null : event.path("data");
        if (id == null || type == null || id.length() > MAX_EVENT_ID) {
            LOG.warnf("Skipping record without a usable CloudEvents id or type at %s-%d offset %d", record.topic(),
                    record.partition(), record.offset());
            return;
        }
        switch (type) {
            case Topics.USER_DELETED -> {
                String organizationId = text(data, "organizationId");
                String userId = text(data, "userId");
                if (organizationId == null || userId == null) {
                    LOG.warnf("Skipping %s event %s without organizationId or userId", type, id);
                    return;
                }
                int revoked = BlockingAwait.await(
                        () -> handler.userDeleted(id, organizationId, userId));
                LOG.infof("User deleted (event %s): revoked %d tickets", id, revoked);
            }
            case Topics.ORGANIZATION_DELETED -> {
                String organizationId = text(data, "organizationId");
                if (organizationId == null) {
                    LOG.warnf("Skipping %s event %s without organizationId", type, id);
                    return;
                }
                int revoked = BlockingAwait.await(
                        () -> handler.organizationDeleted(id, organizationId));
                LOG.infof("Organization deleted (event %s): revoked %d tickets", id, revoked);
            }
            default -> LOG.debugf("Ignoring directory event type %s", type);
        }
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.hasNonNull(field) || !node.get(field).isTextual()) {
            return null;
        }
        String value = node.get(field).asText();
        return value.isBlank() ? null : value;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
