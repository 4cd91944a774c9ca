package com.onecloud.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.onecloud.events.AuditRecorded;
import com.onecloud.events.CloudEvent;
import com.onecloud.events.Topics;

/** Makes audit entries and the events that carry them, alike in every service. */
public final class AuditEntries {

    /** Target types. */
    public static final String TICKET = "ticket";
    public static final String ORGANIZATION = "organization";
    public static final String USER = "user";

    private AuditEntries() {
    }

    /**
     * A new entry, timed now (to the microsecond, as the database keeps it, so that the event and the row agree).
     *
     * @param organizationId the organization whose trail holds it; null for the platform's own
     * @param changes field names only, never a value
     * @param reason why a ticket was revoked; null otherwise
     */
    public static AuditRecorded entry(AuditAction action, String organizationId, Origin origin, String targetType,
            String targetId, List<String> changes, String reason) {
        return new AuditRecorded(UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MICROS),
                action.wireName(), organizationId, origin.actor(), new AuditRecorded.Target(targetType, targetId),
                origin.sourceAddress(), changes, reason);
    }

    /** The event on {@link Topics#AUDIT_EVENTS}: its id is the entry's, its subject the target's id. */
    public static CloudEvent<AuditRecorded> event(String source, AuditRecorded entry) {
        return new CloudEvent<>("1.0", entry.id(), source, Topics.AUDIT_RECORDED, entry.target().id(), entry.time(),
                "application/json", entry);
    }

    /** The record key: the organization, so that an organization's entries keep their order. */
    public static String key(AuditRecorded entry) {
        return entry.organizationId() == null ? Topics.PLATFORM_KEY : entry.organizationId();
    }
}
