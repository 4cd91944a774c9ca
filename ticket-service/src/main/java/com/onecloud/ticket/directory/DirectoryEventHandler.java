package com.onecloud.ticket.directory;

import java.time.Instant;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.onecloud.ticket.outbox.PanacheOutbox;
import com.onecloud.ticket.service.TicketService;
import com.onecloud.ticket.support.Times;

import io.smallrye.mutiny.Uni;

/**
 * Reacts to a deleted user or organization by writing its tombstone (no ticket is issued for it again) and revoking
 * every not yet revoked ticket of it, each with its own revoked event, in one transaction with the record that the
 * event was handled: a redelivered event finds that record and changes nothing.
 */
@ApplicationScoped
public class DirectoryEventHandler {

    private static final Logger LOG = Logger.getLogger(DirectoryEventHandler.class);

    private final PanacheOutbox outbox;
    private final TicketService tickets;

    DirectoryEventHandler(PanacheOutbox outbox, TicketService tickets) {
        this.outbox = outbox;
        this.tickets = tickets;
    }

    /** Returns how many tickets were revoked (0 for a duplicate). */
    public Uni<Integer> userDeleted(String eventId, String organizationId, String userId) {
        return once(eventId, now -> tickets.userDeleted(organizationId, userId, now));
    }

    /** Returns how many tickets were revoked (0 for a duplicate). */
    public Uni<Integer> organizationDeleted(String eventId, String organizationId) {
        return once(eventId, now -> tickets.organizationDeleted(organizationId, now));
    }

    private Uni<Integer> once(String eventId, Function<Instant, Uni<Integer>> revokeAll) {
        return outbox.inTransaction(() -> ProcessedEventEntity.<ProcessedEventEntity>findById(eventId)
                .chain(done -> {
                    if (done != null) {
                        LOG.infof("Directory event %s was already handled", eventId);
                        return Uni.createFrom().item(0);
                    }
                    Instant now = Times.now();
                    ProcessedEventEntity processed = new ProcessedEventEntity();
                    processed.id = eventId;
                    processed.processedAt = now;
                    return revokeAll.apply(now).call(() -> processed.persist());
                }));
    }
}
