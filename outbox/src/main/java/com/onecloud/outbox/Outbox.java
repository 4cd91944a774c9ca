package com.onecloud.outbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onecloud.edge.event.CloudEvent;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The transactional outbox: {@link #append} writes an event in the caller's transaction; {@link #inTransaction} runs
 * work in a transaction and, once it has committed, wakes the relay.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;
    private final OutboxSignal signal;
    /** Strictly increasing row timestamps keep the relay's created_at order equal to the order of appends. */
    private final AtomicReference<Instant> last = new AtomicReference<>(Instant.EPOCH);

    Outbox(ObjectMapper mapper, OutboxSignal signal) {
        this.mapper = mapper;
        this.signal = signal;
    }

    /**
     * Runs to its end even if the caller stops waiting (see {@link Transactions}), so that a commit always wakes the
     * relay.
     */
    public <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        return Transactions.uncancellable(Panache.withTransaction(work).invoke(signal::wake));
    }

    /** Must run inside a transaction: the row commits or rolls back with the change it announces. */
    public Uni<Void> append(String topic, String key, CloudEvent<?> event) {
        OutboxEventEntity row = new OutboxEventEntity();
        row.id = UUID.fromString(event.id());
        row.topic = topic;
        row.eventKey = key;
        row.payload = toJson(event);
        row.createdAt = nextTimestamp();
        return row.persist().replaceWithVoid();
    }

    private String toJson(CloudEvent<?> event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.type() + " cannot be serialized", e);
        }
    }

    private Instant nextTimestamp() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return last.updateAndGet(previous -> now.isAfter(previous) ? now : previous.plus(1, ChronoUnit.MICROS));
    }
}
