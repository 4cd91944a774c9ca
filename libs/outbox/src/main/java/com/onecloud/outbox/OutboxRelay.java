package com.onecloud.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.onecloud.events.KafkaClients;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes committed outbox rows to Kafka, oldest first, on its own thread (the producer blocks). A round holds a
 * transaction-scoped advisory lock, so that one replica at a time publishes and per-key order is kept; rows are marked
 * published in that transaction only after Kafka acknowledged them. If Kafka or the database is unreachable the round
 * fails as a whole and is retried with capped exponential backoff: nothing is lost, and a row may be published more
 * than once (delivery is at least once; consumers are idempotent on the event id).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key shared by every replica: "outbox" in ASCII. */
    private static final long LOCK_KEY = 0x6f7574626f78L;
    /**
     * The lock and the read in one statement, since every round trip before the send delays each revocation's arrival
     * in the caches. No rows when another replica holds the lock (it is publishing) or nothing is pending. FOR UPDATE
     * re-reads rows that a replica marked published after this statement's snapshot was taken, and skips them.
     */
    private static final String LOCK_AND_READ = "WITH relay AS (SELECT pg_try_advisory_xact_lock(" + LOCK_KEY
            + ") AS locked) SELECT id, topic, event_key, payload FROM outbox_event, relay "
            + "WHERE relay.locked AND published_at IS NULL ORDER BY created_at LIMIT $1 FOR UPDATE OF outbox_event";
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MIN_BACKOFF = Duration.ofMillis(100);

    private final Pool pool;
    private final KafkaClients kafka;
    private final OutboxSignal signal;
    private final OutboxConfig config;
    private final String clientId;

    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, String> producer;

    OutboxRelay(Pool pool, KafkaClients kafka, OutboxSignal signal, OutboxConfig config,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.pool = pool;
        this.kafka = kafka;
        this.signal = signal;
        this.config = config;
        this.clientId = applicationName + "-outbox";
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Outbox relay disabled on this replica");
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeProducer();
    }

    private void run() {
        Duration backoff = MIN_BACKOFF;
        boolean more = true;
        while (running) {
            try {
                if (!more) {
                    signal.await(config.pollInterval());
                }
                more = relayOnce() >= config.batchSize();
                backoff = MIN_BACKOFF;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                // The message of a Kafka or SQL error names hosts and tables, never a credential (rows hold none).
                LOG.warnf("Outbox relay round failed, retrying in %d ms: %s", backoff.toMillis(), e.toString());
                closeProducer();
                more = true;
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = min(backoff.multipliedBy(2), config.maxBackoff());
            }
        }
    }

    /** One round: publishes up to a batch of unpublished rows; returns how many. */
    int relayOnce() throws Exception {
        SqlConnection connection = pool.getConnection().await().atMost(DB_TIMEOUT);
        try {
            Transaction tx = connection.begin().await().atMost(DB_TIMEOUT);
            try {
                RowSet<Row> rows = connection.preparedQuery(LOCK_AND_READ)
                        .execute(Tuple.of(config.batchSize())).await().atMost(DB_TIMEOUT);
                if (rows.size() == 0) {
                    tx.rollback().await().atMost(DB_TIMEOUT);
                    return 0;
                }
                List<UUID> ids = new ArrayList<>();
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                KafkaProducer<String, String> p = producer();
                for (Row row : rows) {
                    ids.add(row.getUUID("id"));
                    sent.add(p.send(new ProducerRecord<>(row.getString("topic"), row.getString("event_key"),
                            row.getString("payload"))));
                }
                p.flush();
                for (Future<RecordMetadata> ack : sent) {
                    ack.get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                }
                connection.preparedQuery("UPDATE outbox_event SET published_at = now() WHERE id = ANY($1)")
                        .execute(Tuple.of(ids.toArray(new UUID[0]))).await().atMost(DB_TIMEOUT);
                tx.commit().await().atMost(DB_TIMEOUT);
                LOG.debugf("Published %d outbox events", ids.size());
                return ids.size();
            } catch (Exception e) {
                try {
                    tx.rollback().await().atMost(DB_TIMEOUT);
                } catch (Exception ignored) {
                    // The connection is closed below; the transaction dies with it.
                }
                throw e;
            }
        } finally {
            connection.close().await().atMost(DB_TIMEOUT);
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = kafka.producer(clientId, config.sendTimeout());
        }
        return producer;
    }

    private synchronized void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (Exception e) {
                LOG.debug("Closing the outbox producer failed", e);
            }
            producer = null;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
