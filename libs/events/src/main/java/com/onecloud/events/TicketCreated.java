package com.onecloud.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code data} of {@code onecloud.ticket.created.v1}. Never carries a token, secret or hash.
 *
 * @param ticket the ticket's representation as the API shows it (contract §4), for subscribers
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketCreated(String ticketId, String organizationId, String userId, String kind, List<String> apis,
        Instant createdAt, Instant expiresAt, Map<String, Object> ticket) {

    public TicketCreated(String ticketId, String organizationId, String userId, String kind, List<String> apis,
            Instant createdAt, Instant expiresAt) {
        this(ticketId, organizationId, userId, kind, apis, createdAt, expiresAt, null);
    }
}
