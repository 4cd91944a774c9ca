package com.onecloud.ticket.event;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onecloud.events.ActivationChanged;
import com.onecloud.events.CloudEvent;
import com.onecloud.events.TicketCreated;
import com.onecloud.events.TicketExpired;
import com.onecloud.events.TicketRevoked;
import com.onecloud.events.TicketRotated;
import com.onecloud.events.Topics;
import com.onecloud.ticket.outbox.PanacheOutbox;
import com.onecloud.ticket.repository.TicketEntity;
import com.onecloud.ticket.rest.TicketView;
import com.onecloud.ticket.support.Times;

import io.smallrye.mutiny.Uni;

/** The events ticket-service publishes on {@code ticket-events} (contract §6), written through the outbox. */
@ApplicationScoped
public class TicketEvents {

    public static final String SOURCE = "/onecloud/ticket-service";

    private static final TypeReference<Map<String, Object>> ITEM = new TypeReference<>() {
    };

    private final PanacheOutbox outbox;
    private final ObjectMapper json;

    TicketEvents(PanacheOutbox outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    /** The whole ticket ({@code credentialId} null) or one of its credentials stopped working at {@code at}. */
    public Uni<Void> revoked(TicketEntity ticket, String credentialId, Instant at, RevokeReason reason) {
        return publish(ticket, Topics.TICKET_REVOKED, at, new TicketRevoked(ticket.id, credentialId,
                ticket.organizationId, ticket.userId, ticket.kind, at, reason.name(), item(ticket, at)));
    }

    public Uni<Void> created(TicketEntity ticket) {
        return publish(ticket, Topics.TICKET_CREATED, ticket.createdAt, new TicketCreated(ticket.id,
                ticket.organizationId, ticket.userId, ticket.kind, ticket.apiNames(), ticket.createdAt,
                ticket.expiresAt, item(ticket, ticket.createdAt)));
    }

    public Uni<Void> rotated(TicketEntity ticket, String credentialId, Instant at, Instant graceEndsAt) {
        return publish(ticket, Topics.TICKET_ROTATED, at, new TicketRotated(ticket.id, credentialId,
                ticket.organizationId, ticket.userId, ticket.kind, at, graceEndsAt, item(ticket, at)));
    }

    /** The ticket reached its expiry: only subscribers care (every cache already ends an entry at it). */
    public Uni<Void> expired(TicketEntity ticket) {
        return publish(ticket, Topics.TICKET_EXPIRED, ticket.expiresAt, new TicketExpired(ticket.id,
                ticket.organizationId, ticket.userId, ticket.kind, ticket.expiresAt, item(ticket, ticket.expiresAt)));
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

    /** The ticket as the API shows it at {@code at}, for subscribers: never a token or secret. */
    private Map<String, Object> item(TicketEntity ticket, Instant at) {
        return json.convertValue(TicketView.of(ticket, at), ITEM);
    }

    private Uni<Void> publish(TicketEntity ticket, String type, Instant at, Object data) {
        return outbox.append(Topics.TICKET_EVENTS, ticket.id, CloudEvent.of(SOURCE, type, ticket.id, at, data));
    }
}
