package com.onecloud.ticket.event;

import java.time.Instant;
import java.util.function.Function;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jboss.logging.Logger;

import com.onecloud.ticket.support.Times;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/** A consumed event already handled, by its CloudEvents id: the consumers' idempotence record. */
@Entity
@Table(name = "processed_event")
public class ProcessedEventEntity extends PanacheEntityBase {

    private static final Logger LOG = Logger.getLogger(ProcessedEventEntity.class);

    @Id
    @Column(length = 100)
    public String id;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;

    /**
     * Runs {@code work} (given the time it is handled at) and records the event as handled, unless it was handled
     * before: then answers 0 and changes nothing. Must run in the caller's transaction, so that the work and the record
     * commit together.
     */
    public static Uni<Integer> once(String eventId, Function<Instant, Uni<Integer>> work) {
        return ProcessedEventEntity.<ProcessedEventEntity>findById(eventId).chain(done -> {
            if (done != null) {
                LOG.infof("Event %s was already handled", eventId);
                return Uni.createFrom().item(0);
            }
            Instant now = Times.now();
            ProcessedEventEntity processed = new ProcessedEventEntity();
            processed.id = eventId;
            processed.processedAt = now;
            return work.apply(now).call(() -> processed.persist());
        });
    }
}
