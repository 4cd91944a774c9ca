package com.onecloud.ticket.ticket.service;

import java.util.List;

import com.onecloud.ticket.ticket.repository.TicketEntity;

/** One page of a ticket list. */
public record TicketPageResult(List<TicketEntity> items, long total, int limit, int offset) {
}
