package com.onecloud.resource.common;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.onecloud.audit.AuditAction;
import com.onecloud.audit.AuditEntries;
import com.onecloud.audit.AuditTable;
import com.onecloud.audit.Origin;
import com.onecloud.events.AuditRecorded;
import com.onecloud.events.Topics;
import com.onecloud.outbox.SqlOutbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Records organizations and users created, updated and deleted in the audit trail (contract §4): each entry in this
 * service's append-only {@code audit_entry} and on {@code audit-events} (the outbox), on the connection of the change's
 * transaction, so that a change and its entry commit together or not at all. ticket-service stores the entries it
 * reads there and serves the trail.
 */
@ApplicationScoped
public class AuditTrail {

    private static final String INSERT = AuditTable.insert(n -> "$" + n);

    private final SqlOutbox outbox;

    AuditTrail(SqlOutbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Must run inside {@code transaction}. {@code organizationId} is the organization whose trail holds the entry (the
     * organization itself for its own changes); {@code changes} names fields, never a value.
     */
    public Uni<Void> record(SqlConnection transaction, AuditAction action, String organizationId, Origin origin,
            String targetType, String targetId, List<String> changes) {
        AuditRecorded entry = AuditEntries.entry(action, organizationId, origin, targetType, targetId, changes, null);
        return transaction.preparedQuery(INSERT).execute(Tuple.from(AuditTable.values(entry)))
                .chain(() -> outbox.append(transaction, Topics.AUDIT_EVENTS, AuditEntries.key(entry),
                        AuditEntries.event(DirectoryEvents.SOURCE, entry)));
    }
}
