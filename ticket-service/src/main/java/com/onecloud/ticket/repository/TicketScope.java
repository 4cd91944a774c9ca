package com.onecloud.ticket.repository;

import com.onecloud.access.PrincipalKind;

/**
 * The tickets one request may reach: an organization's APPLICATION and USER tickets, one user's own USER tickets, or
 * the platform's SUPERUSER tickets. Every lookup is by scope AND id, so a ticket outside the scope reads as missing.
 * {@code organizationId} null means the platform's; {@code userId} and {@code kind} null mean any.
 */
public record TicketScope(String organizationId, String userId, PrincipalKind kind) {

    public static TicketScope organization(String organizationId) {
        return new TicketScope(organizationId, null, null);
    }

    public static TicketScope ownTokens(String organizationId, String userId) {
        return new TicketScope(organizationId, userId, PrincipalKind.USER);
    }

    public static TicketScope superusers() {
        return new TicketScope(null, null, PrincipalKind.SUPERUSER);
    }
}
