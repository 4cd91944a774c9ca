package com.onecloud.ticket.directory;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.onecloud.ticket.outbox.PanacheOutbox;
import com.onecloud.ticket.ticket.repository.TicketEntity;
import com.onecloud.ticket.ticket.service.RevokeReason;
import com.onecloud.ticket.ticket.service.TicketService;
import com.onecloud.ticket.ticket.service.Times;

import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.LockModeType;

/**
 * Reacts to a deleted user or organization by revoking every not yet revoked ticket of it, each with its own revoked
 * event, in one transaction with the record that the event was handled: a redelivered event finds that record and
 * changes nothing.
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
        return once(eventId, () -> TicketEntity.<TicketEntity>find(
                "organizationId = ?1 and userId = ?2 and revokedAt is null", Sort.by("id"), organizationId, userId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list(), RevokeReason.USER_DELETED);
    }

    /** Returns how many tickets were revoked (0 for a duplicate). */
    public Uni<Integer> organizationDeleted(String eventId, String organizationId) {
        return once(eventId, () -> TicketEntity.<TicketEntity>find(
                "organizationId = ?1 and revokedAt is null", Sort.by("id"), organizationId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list(), RevokeReason.ORGANIZATION_DELETED);
    }

    private Uni<Integer> once(String eventId, java.util.function.Supplier<Uni<List<TicketEntity>>> affected,
            RevokeReason reason) {
        return outbox.inTransaction(() -> ProcessedEventEntity.<ProcessedEventEntity>findById(eventId)
                .chain(done -> {
                    if (done != null) {
                        LOG.infof("Directory event %s was already handled", eventId);
                        return Uni.createFrom().item(0);
                    }
                    Instant now = Times.now();
                    return affected.get().chain(list -> {
                        Uni<Void> chain = Uni.createFrom().voidItem();
                        for (TicketEntity ticket : list) {
                            chain = chain.chain(() -> tickets.revoke(ticket, reason, now));
                        }
                        ProcessedEventEntity processed = new ProcessedEventEntity();
                        processed.id = eventId;
                        processed.processedAt = now;
                        return chain.chain(() -> processed.persist()).replaceWith(list.size());
                    });
                }));
    }
}
