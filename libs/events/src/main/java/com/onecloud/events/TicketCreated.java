package com.onecloud.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code data} of {@code onecloud.ticket.created.v1}. Never carries a token, secret or hash. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketCreated(String ticketId, String organizationId, String userId, String kind, List<String> apis,
        Instant createdAt, Instant expiresAt) {
}
