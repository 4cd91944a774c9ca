package com.onecloud.ticket.audit;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.onecloud.audit.AuditAction;
import com.onecloud.events.AuditRecorded;
import com.onecloud.events.CloudEvent;
import com.onecloud.events.Topics;
import com.onecloud.events.consumer.EventListener;
import com.onecloud.events.consumer.Subscription;
import com.onecloud.ticket.config.TicketServiceConfig;
import com.onecloud.ticket.support.BlockingAwait;

import io.quarkus.hibernate.reactive.panache.Panache;

/**
 * Stores the audit entries resource-service records (organizations and users), so that the read API serves one trail.
 * The replicas share one consumer group ({@code ticket-service-audit} by default); an entry's offset is committed once
 * it is stored. Idempotent on the entry's id: an entry delivered again, or one of ticket-service's own (also on the
 * topic, and stored with its change), is left as it is. An entry that does not fit the table is logged (never its
 * content) and skipped, so that it cannot stop its partition.
 */
@ApplicationScoped
public class AuditEventListener implements EventListener {

    private static final Logger LOG = Logger.getLogger(AuditEventListener.class);

    private final AuditTrail trail;
    private final TicketServiceConfig.AuditEvents config;

    AuditEventListener(AuditTrail trail, TicketServiceConfig config) {
        this.trail = trail;
        this.config = config.auditEvents();
    }

    @Override
    public Subscription subscription() {
        return Subscription.shared("audit-events", Topics.AUDIT_EVENTS, config.groupId(), config.maxBackoff());
    }

    @Override
    public boolean enabled() {
        return config.enabled();
    }

    @Override
    public void handle(CloudEvent<?> event) {
        if (!(event.data() instanceof AuditRecorded entry)) {
            return;
        }
        String problem = problem(entry);
        if (problem != null) {
            LOG.warnf("Skipping %s event %s: %s", event.type(), event.id(), problem);
            return;
        }
        boolean stored = BlockingAwait.await(() -> Panache.withTransaction(() -> trail.store(entry)));
        LOG.debugf("Audit entry %s (%s): %s", entry.id(), entry.action(), stored ? "stored" : "already stored");
    }

    /** Why the entry cannot be stored as it is; null if it can. */
    static String problem(AuditRecorded entry) {
        if (!fits(entry.id(), 36, true) || entry.time() == null) {
            return "no id or time";
        }
        if (AuditAction.named(entry.action()).isEmpty()) {
            return "unknown action";
        }
        AuditRecorded.Actor actor = entry.actor();
        AuditRecorded.Target target = entry.target();
        if (actor == null || !fits(actor.kind(), 16, true) || !fits(actor.id(), 255, true)
                || !fits(actor.organizationId(), 64, false)) {
            return "no actor, or one too long";
        }
        if (target == null || !fits(target.type(), 16, true) || !fits(target.id(), 64, true)) {
            return "no target, or one too long";
        }
        List<String> changes = entry.changes();
        if (!fits(entry.organizationId(), 64, false) || !fits(entry.sourceAddress(), 64, false)
                || !fits(entry.reason(), 32, false) || String.join(",", changes).length() > 500
                || changes.stream().anyMatch(name -> name == null || name.isEmpty() || name.contains(","))) {
            return "a field too long";
        }
        return null;
    }

    private static boolean fits(String value, int length, boolean required) {
        return value == null ? !required : !(required && value.isBlank()) && value.length() <= length;
    }
}
