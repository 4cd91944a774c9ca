package com.onecloud.events;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code data} of {@code onecloud.ticket.expired.v1}: the ticket reached its {@code expiresAt}. Nothing needs to be
 * evicted (every cache ends an entry at its credential's expiry); subscribers learn of it. Never carries a token,
 * secret or hash.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketExpired(String ticketId, String organizationId, String userId, String kind, Instant expiredAt,
        Map<String, Object> ticket) {
}
