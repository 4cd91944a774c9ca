package com.onecloud.ticket.ticket.service;

import java.util.HashMap;
import java.util.Map;

import com.onecloud.access.PrincipalKind;

/**
 * The tickets one route may see: an organization's APPLICATION and USER tickets, one user's own USER tickets, or the
 * platform's SUPERUSER tickets. Every lookup is by scope AND id, so a ticket outside the scope reads as missing.
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

    /** HQL conditions of this scope, adding their parameters to {@code params}. */
    String where(Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        if (organizationId == null) {
            where.append("organizationId is null");
        } else {
            where.append("organizationId = :organizationId");
            params.put("organizationId", organizationId);
        }
        if (userId != null) {
            where.append(" and userId = :scopeUserId");
            params.put("scopeUserId", userId);
        }
        if (kind != null) {
            where.append(" and kind = :scopeKind");
            params.put("scopeKind", kind.name());
        }
        return where.toString();
    }

    Map<String, Object> newParams() {
        return new HashMap<>();
    }
}
