package com.onecloud.ticket.audit;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.onecloud.access.PrincipalKind;
import com.onecloud.audit.AuditAction;
import com.onecloud.audit.AuditEntries;
import com.onecloud.audit.AuditTable;
import com.onecloud.audit.Origin;
import com.onecloud.events.AuditRecorded;
import com.onecloud.events.Topics;
import com.onecloud.ticket.event.RevokeReason;
import com.onecloud.ticket.event.TicketEvents;
import com.onecloud.ticket.outbox.PanacheOutbox;
import com.onecloud.ticket.repository.TicketEntity;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Writes the audit trail's entries for tickets (contract §4), each in the caller's transaction, so that a change and
 * its entry commit together or not at all; each entry also goes to {@code audit-events} through the outbox. Entries of
 * resource-service arrive on that topic and are {@link #store stored} here, so that the read API serves one trail.
 */
@ApplicationScoped
public class AuditTrail {

    /** The actor of the changes ticket-service makes by itself (cascades, ends of grace, the bootstrap ticket). */
    public static final Origin SYSTEM = Origin.system("ticket-service");
    private static final String INSERT = AuditTable.insert(n -> "?" + n);

    private final PanacheOutbox outbox;

    AuditTrail(PanacheOutbox outbox) {
        this.outbox = outbox;
    }

    /** The ticket was issued: the entry names the fields it was given. */
    public Uni<Void> created(TicketEntity ticket, Origin origin) {
        List<String> changes = new ArrayList<>(List.of("name", "kind"));
        if (ticket.userId != null) {
            changes.add("userId");
        }
        changes.addAll(List.of("apis", "expiresAt"));
        return record(AuditAction.TICKET_CREATED, ticket, origin, changes, null);
    }

    /** The ticket got a new credential: a new token (and secret), named, never given. */
    public Uni<Void> rotated(TicketEntity ticket, Origin origin) {
        return record(AuditAction.TICKET_ROTATED, ticket, origin, credentialFields(ticket), null);
    }

    /** The whole ticket was revoked. */
    public Uni<Void> revoked(TicketEntity ticket, Origin origin, RevokeReason reason) {
        return record(AuditAction.TICKET_REVOKED, ticket, origin, List.of("status", "revokedAt"), reason);
    }

    /** The credential a rotation replaced stopped working: the ticket's previous token (and secret). */
    public Uni<Void> graceEnded(TicketEntity ticket) {
        return record(AuditAction.TICKET_REVOKED, ticket, SYSTEM, credentialFields(ticket),
                RevokeReason.ROTATION_GRACE_ENDED);
    }

    /**
     * Stores an entry another service recorded (delivered on {@code audit-events}); one already stored, delivered
     * again, is left as it is. Returns whether it was new.
     */
    public Uni<Boolean> store(AuditRecorded entry) {
        return insert(entry).map(inserted -> inserted == 1);
    }

    private Uni<Void> record(AuditAction action, TicketEntity ticket, Origin origin, List<String> changes,
            RevokeReason reason) {
        AuditRecorded entry = AuditEntries.entry(action, ticket.organizationId, origin, AuditEntries.TICKET,
                ticket.id, changes, reason == null ? null : reason.name());
        return insert(entry).chain(() -> outbox.append(Topics.AUDIT_EVENTS, AuditEntries.key(entry),
                AuditEntries.event(TicketEvents.SOURCE, entry)));
    }

    private Uni<Integer> insert(AuditRecorded entry) {
        List<Object> values = AuditTable.values(entry);
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(INSERT);
            for (int i = 0; i < values.size(); i++) {
                query.setParameter(i + 1, values.get(i));
            }
            return query.executeUpdate();
        });
    }

    private static List<String> credentialFields(TicketEntity ticket) {
        return PrincipalKind.valueOf(ticket.kind) == PrincipalKind.USER ? List.of("token")
                : List.of("token", "secret");
    }
}
