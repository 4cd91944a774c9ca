package com.onecloud.ticket.repository;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.onecloud.access.Api;

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

    /** The last allowed request, as the usage reports tell it (at most a report interval and its delivery late). */
    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoke_reason", length = 32)
    public String revokeReason;

    /** Whether its expiry was announced to subscribers (once, by {@code TicketClockJob}). */
    @Column(name = "expiry_announced", nullable = false)
    public boolean expiryAnnounced;

    /** Whether this is the bootstrap SUPERUSER ticket made from configuration (or one it replaced). */
    @Column(nullable = false)
    public boolean bootstrap;

    /** Grants {@code granted}, stored in the order of {@link Api}. */
    public void grant(Set<Api> granted) {
        apis = EnumSet.copyOf(granted).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    /** The names of the granted APIs, as stored. */
    public List<String> apiNames() {
        return Arrays.stream(apis.split(",")).filter(name -> !name.isEmpty()).toList();
    }

    /** The status at {@code now}. */
    public TicketStatus status(Instant now) {
        return TicketStatus.of(revokedAt, expiresAt, now);
    }
}
