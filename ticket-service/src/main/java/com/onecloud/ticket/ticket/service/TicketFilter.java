package com.onecloud.ticket.ticket.service;

import com.onecloud.access.PrincipalKind;

/** Optional list filters; null means "any". */
public record TicketFilter(TicketStatus status, PrincipalKind kind, String userId) {

    public static TicketFilter none() {
        return new TicketFilter(null, null, null);
    }
}
