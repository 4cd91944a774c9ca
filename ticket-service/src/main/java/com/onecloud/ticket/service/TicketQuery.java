package com.onecloud.ticket.service;

import com.onecloud.access.PrincipalKind;
import com.onecloud.http.paging.PageRequest;
import com.onecloud.ticket.repository.TicketFilter;
import com.onecloud.ticket.repository.TicketStatus;

/**
 * A ticket list as a client asked for it: filters and paging, as written. Absent (null or empty) filters match every
 * ticket; {@code kind} and {@code userId} are null where the route offers no such filter.
 */
public record TicketQuery(String status, String kind, String userId, String limit, String offset) {

    /** The paging asked for; a bad value is a 400 naming its parameter. */
    PageRequest page() {
        return PageRequest.of(limit, offset);
    }

    /** The filters asked for; a bad value is a 400 naming its parameter. */
    TicketFilter filter() {
        return new TicketFilter(Names.optional(TicketStatus.class, status, "status"),
                Names.optional(PrincipalKind.class, kind, "kind"), userId == null || userId.isEmpty() ? null : userId);
    }
}
