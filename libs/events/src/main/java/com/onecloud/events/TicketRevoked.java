package com.onecloud.events;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code data} of {@code onecloud.ticket.revoked.v1}. {@code credentialId} is set when only one credential of the
 * ticket died (the old one at the end of a rotation's grace); otherwise the whole ticket is revoked. Never carries a
 * token, secret or hash.
 *
 * @param reason {@code REVOKED} (by a client), {@code ROTATION_GRACE_ENDED}, {@code USER_DELETED},
 *        {@code ORGANIZATION_DELETED} or {@code BOOTSTRAP_REPLACED} (another bootstrap credential was configured)
 * @param ticket the ticket's representation as the API shows it after the change (contract §4), for subscribers
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketRevoked(String ticketId, String credentialId, String organizationId, String userId, String kind,
        Instant revokedAt, String reason, Map<String, Object> ticket) {

    public TicketRevoked(String ticketId, String credentialId, String organizationId, String userId, String kind,
            Instant revokedAt, String reason) {
        this(ticketId, credentialId, organizationId, userId, kind, revokedAt, reason, null);
    }
}
