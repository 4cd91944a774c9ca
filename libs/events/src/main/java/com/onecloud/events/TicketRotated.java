package com.onecloud.events;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code data} of {@code onecloud.ticket.rotated.v1}: {@code credentialId} is the new credential; the replaced ones
 * keep working until {@code graceEndsAt}, when a revoked event with reason {@code ROTATION_GRACE_ENDED} follows.
 * {@code ticket} is the ticket's representation as the API shows it (contract §4), for subscribers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketRotated(String ticketId, String credentialId, String organizationId, String userId, String kind,
        Instant rotatedAt, Instant graceEndsAt, Map<String, Object> ticket) {

    public TicketRotated(String ticketId, String credentialId, String organizationId, String userId, String kind,
            Instant rotatedAt, Instant graceEndsAt) {
        this(ticketId, credentialId, organizationId, userId, kind, rotatedAt, graceEndsAt, null);
    }
}
