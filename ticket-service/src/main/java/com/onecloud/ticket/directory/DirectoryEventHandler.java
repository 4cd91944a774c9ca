package com.onecloud.ticket.directory;

import java.time.Instant;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.onecloud.events.ActivationChanged;
import com.onecloud.ticket.event.ProcessedEventEntity;
import com.onecloud.ticket.event.TicketEvents;
import com.onecloud.ticket.outbox.PanacheOutbox;
import com.onecloud.ticket.repository.ActivationRepository;
import com.onecloud.ticket.service.TicketService;

import io.smallrye.mutiny.Uni;

/**
 * Reacts to a deleted user or organization by writing its tombstone (no ticket is issued for it again) and revoking
 * every not yet revoked ticket of it, each with its own revoked event; and to an activation change by storing it for
 * auth-service's decision view and announcing it on {@code ticket-events}, where every replica acts on it. Each in one
 * transaction with the record that the event was handled: a redelivered event finds that record and changes nothing.
 */
@ApplicationScoped
public class DirectoryEventHandler {

    private final PanacheOutbox outbox;
    private final TicketService tickets;
    private final ActivationRepository activations;
    private final TicketEvents events;

    DirectoryEventHandler(PanacheOutbox outbox, TicketService tickets, ActivationRepository activations,
            TicketEvents events) {
        this.outbox = outbox;
        this.tickets = tickets;
        this.activations = activations;
        this.events = events;
    }

    /** Returns how many tickets were revoked (0 for a duplicate). */
    public Uni<Integer> userDeleted(String eventId, String organizationId, String userId) {
        return once(eventId, now -> tickets.userDeleted(organizationId, userId, now));
    }

    /** Returns how many tickets were revoked (0 for a duplicate). */
    public Uni<Integer> organizationDeleted(String eventId, String organizationId) {
        return once(eventId, now -> tickets.organizationDeleted(organizationId, now));
    }

    /**
     * Returns 1 when the change was stored and announced, 0 for a duplicate or a change older than the one stored (an
     * older change is not announced either: it would tell the other services something no longer true).
     */
    public Uni<Integer> activationChanged(String eventId, ActivationChanged change) {
        return once(eventId, now -> activations.store(change)
                .call(stored -> stored ? events.activationChanged(change) : Uni.createFrom().voidItem())
                .map(stored -> stored ? 1 : 0));
    }

    private Uni<Integer> once(String eventId, Function<Instant, Uni<Integer>> work) {
        return outbox.inTransaction(() -> ProcessedEventEntity.once(eventId, work));
    }
}
