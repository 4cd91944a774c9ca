package com.onecloud.ticket.directory;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A consumed event already handled, by its CloudEvents id: the consumer's idempotence record. */
@Entity
@Table(name = "processed_event")
public class ProcessedEventEntity extends PanacheEntityBase {

    @Id
    @Column(length = 100)
    public String id;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;
}
