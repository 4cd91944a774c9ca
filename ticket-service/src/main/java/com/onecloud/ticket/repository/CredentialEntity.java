package com.onecloud.ticket.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A row of {@code credential}: only the SHA-256 of the token and secret. {@code notAfter} ends a replaced
 * credential's rotation grace; {@code retiredAt} records that its end was published.
 */
@Entity
@Table(name = "credential")
public class CredentialEntity extends PanacheEntityBase {

    @Id
    @Column(length = 16)
    public String id;

    @Column(name = "ticket_id", nullable = false, length = 16)
    public String ticketId;

    @Column(name = "token_hash", nullable = false)
    public byte[] tokenHash;

    @Column(name = "secret_hash")
    public byte[] secretHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "not_after")
    public Instant notAfter;

    @Column(name = "retired_at")
    public Instant retiredAt;

    /** Never print the hashes. */
    @Override
    public String toString() {
        return "Credential[" + id + " of ticket " + ticketId + "]";
    }
}
