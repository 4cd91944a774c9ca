package com.onecloud.ticket.service;

import java.time.Instant;
import java.util.List;

/**
 * A ticket as a client asked for it, its names not checked yet: which of them a route allows is its {@link TicketOwner}'s
 * rule. {@code kind} and {@code userId} are null where the request cannot carry them (a user's own tokens).
 */
public record TicketDraft(String name, String kind, String userId, List<String> apis, Instant expiresAt) {
}
