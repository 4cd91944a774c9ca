package com.onecloud.ticket.repository;

import java.util.List;

/** One page of a ticket list. */
public record TicketPageResult(List<TicketEntity> items, long total, int limit, int offset) {
}
