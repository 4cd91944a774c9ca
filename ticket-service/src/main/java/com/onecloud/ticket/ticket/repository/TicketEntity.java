package com.onecloud.ticket.ticket.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A row of {@code ticket}. {@code apis} is the comma-separated list of granted API names. */
@Entity
@Table(name = "ticket")
public class TicketEntity extends PanacheEntityBase {

    @Id
    @Column(length = 16)
    public String id;

    @Column(name = "organization_id", length = 64)
    public String organizationId;

    @Column(name = "user_id", length = 64)
    public String userId;

    @Column(nullable = false, length = 16)
    public String kind;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false, length = 64)
    public String apis;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoke_reason", length = 32)
    public String revokeReason;
}
