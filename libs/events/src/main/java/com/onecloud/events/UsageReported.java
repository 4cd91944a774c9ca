package com.onecloud.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code data} of {@code onecloud.usage.reported.v1} on {@link Topics#USAGE_EVENTS}: what one process decided (or
 * served from its cache) per ticket and UTC day since its previous report. Counts add up across reports; ticket-service
 * adds each report once (its event id).
 *
 * @param reporter the reporting process ({@code <application>-<uuid>})
 */
public record UsageReported(String reporter, Instant from, Instant to, List<TicketUsage> tickets) {

    public UsageReported {
        tickets = tickets == null ? List.of() : List.copyOf(tickets);
    }

    /**
     * One ticket's requests on one UTC day: allowed, refused with 403, refused as invalid (wrong secret, revoked, expired).
     *
     * @param lastUsedAt the last allowed request within the report, to the second; null if none was allowed
     */
    public record TicketUsage(String ticketId, LocalDate date, long allowed, long forbidden, long invalid,
            Instant lastUsedAt) {
    }
}
