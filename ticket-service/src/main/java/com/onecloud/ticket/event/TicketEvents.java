package com.onecloud.ticket.event;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.onecloud.events.ActivationChanged;
import com.onecloud.events.CloudEvent;
import com.onecloud.events.TicketCreated;
import com.onecloud.events.TicketRevoked;
import com.onecloud.events.TicketRotated;
import com.onecloud.events.Topics;
import com.onecloud.ticket.outbox.PanacheOutbox;
import com.onecloud.ticket.repository.TicketEntity;
import com.onecloud.ticket.support.Times;

import io.smallrye.mutiny.Uni;

/** The events ticket-service publishes on {@code ticket-events} (contract §6), written through the outbox. */
@ApplicationScoped
public class TicketEvents {

    public static final String SOURCE = "/onecloud/ticket-service";

    private final PanacheOutbox outbox;

    TicketEvents(PanacheOutbox outbox) {
        this.outbox = outbox;
    }

    /** The whole ticket ({@code credentialId} null) or one of its credentials stopped working at {@code at}. */
    public Uni<Void> revoked(TicketEntity ticket, String credentialId, Instant at, RevokeReason reason) {
        return publish(ticket, Topics.TICKET_REVOKED, at, new TicketRevoked(ticket.id, credentialId,
                ticket.organizationId, ticket.userId, ticket.kind, at, reason.name()));
    }

    public Uni<Void> created(TicketEntity ticket) {
        return publish(ticket, Topics.TICKET_CREATED, ticket.createdAt, new TicketCreated(ticket.id,
                ticket.organizationId, ticket.userId, ticket.kind, ticket.apiNames(), ticket.createdAt,
                ticket.expiresAt));
    }

    public Uni<Void> rotated(TicketEntity ticket, String credentialId, Instant at, Instant graceEndsAt) {
        return publish(ticket, Topics.TICKET_ROTATED, at, new TicketRotated(ticket.id, credentialId,
                ticket.organizationId, ticket.userId, ticket.kind, at, graceEndsAt));
    }

    /**
     * The activation change is stored for auth-service: every replica of every service may now act on it. Keyed by
     * organization, so that an organization's changes keep their order.
     */
    public Uni<Void> activationChanged(ActivationChanged change) {
        String subject = change.isUsers() ? change.userId() : change.organizationId();
        return outbox.append(Topics.TICKET_EVENTS, change.organizationId(),
                CloudEvent.of(SOURCE, Topics.ACTIVATION_CHANGED, subject, Times.now(), change));
    }

    private Uni<Void> publish(TicketEntity ticket, String type, Instant at, Object data) {
        return outbox.append(Topics.TICKET_EVENTS, ticket.id, CloudEvent.of(SOURCE, type, ticket.id, at, data));
    }
}
