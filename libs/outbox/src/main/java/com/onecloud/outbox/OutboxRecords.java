package com.onecloud.outbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onecloud.events.CloudEvent;

/** Makes the outbox rows of both appenders ({@link SqlOutbox}, ticket-service's Hibernate one) alike. */
@ApplicationScoped
public class OutboxRecords {

    private final ObjectMapper mapper;
    /** Strictly increasing row timestamps keep the relay's created_at order equal to the order of appends. */
    private final AtomicReference<Instant> last = new AtomicReference<>(Instant.EPOCH);

    OutboxRecords(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public OutboxRecord of(String topic, String key, CloudEvent<?> event) {
        return new OutboxRecord(UUID.fromString(event.id()), topic, key, toJson(event), nextTimestamp());
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
