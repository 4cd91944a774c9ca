package com.onecloud.ticket.repository;

import java.time.Instant;

/** A ticket's status, computed from its timestamps: revoked wins over expired. */
public enum TicketStatus {
    ACTIVE,
    REVOKED,
    EXPIRED;

    public static TicketStatus of(Instant revokedAt, Instant expiresAt, Instant now) {
        if (revokedAt != null) {
            return REVOKED;
        }
        return expiresAt.isAfter(now) ? ACTIVE : EXPIRED;
    }
}
