package com.onecloud.ticket.usage;

import jakarta.enterprise.context.ApplicationScoped;

import com.onecloud.events.UsageReported;
import com.onecloud.events.UsageReported.TicketUsage;
import com.onecloud.ticket.event.ProcessedEventEntity;
import com.onecloud.ticket.repository.UsageRepository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Adds one usage report in one transaction with the record that it was added: a redelivered report adds nothing. */
@ApplicationScoped
public class UsageReportHandler {

    private final UsageRepository usage;

    UsageReportHandler(UsageRepository usage) {
        this.usage = usage;
    }

    /** Returns how many ticket-days were added (0 for a report added before). */
    public Uni<Integer> add(String eventId, UsageReported report) {
        return Panache.withTransaction(() -> ProcessedEventEntity.once(eventId, now -> Multi.createFrom()
                .iterable(report.tickets()).onItem().transformToUniAndConcatenate(this::add).collect().asList()
                .map(added -> report.tickets().size())));
    }

    private Uni<Void> add(TicketUsage ticket) {
        return ticket.ticketId() == null || ticket.date() == null ? Uni.createFrom().voidItem() : usage.add(ticket);
    }
}
