package com.onecloud.ticket.repository;

import com.onecloud.access.PrincipalKind;

/** Optional list filters; null means "any". */
public record TicketFilter(TicketStatus status, PrincipalKind kind, String userId) {
}
