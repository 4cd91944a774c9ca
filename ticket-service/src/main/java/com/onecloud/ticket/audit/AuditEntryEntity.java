package com.onecloud.ticket.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A row of {@code audit_entry}, for reading: rows are only ever appended ({@link AuditTrail}), with one statement
 * shared with resource-service ({@code AuditTable}). {@code changes} is the comma-separated field names.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntryEntity extends PanacheEntityBase {

    @Id
    @Column(length = 36)
    public String id;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(nullable = false, length = 32)
    public String action;

    @Column(name = "organization_id", length = 64)
    public String organizationId;

    @Column(name = "actor_kind", nullable = false, length = 16)
    public String actorKind;

    @Column(name = "actor_id", nullable = false, length = 255)
    public String actorId;

    @Column(name = "actor_organization_id", length = 64)
    public String actorOrganizationId;

    @Column(name = "target_type", nullable = false, length = 16)
    public String targetType;

    @Column(name = "target_id", nullable = false, length = 64)
    public String targetId;

    @Column(name = "source_address", length = 64)
    public String sourceAddress;

    @Column(nullable = false, length = 500)
    public String changes;

    @Column(length = 32)
    public String reason;
}
