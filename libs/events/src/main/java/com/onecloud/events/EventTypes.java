package com.onecloud.events;

import java.util.Map;

/** The {@code data} type of each CloudEvents type on {@link Topics}, for typed decoding. */
public final class EventTypes {

    private static final Map<String, Class<?>> PAYLOADS = Map.ofEntries(
            Map.entry(Topics.TICKET_CREATED, TicketCreated.class),
            Map.entry(Topics.TICKET_ROTATED, TicketRotated.class),
            Map.entry(Topics.TICKET_REVOKED, TicketRevoked.class),
            Map.entry(Topics.TICKET_EXPIRED, TicketExpired.class),
            Map.entry(Topics.USER_DELETED, UserDeleted.class),
            Map.entry(Topics.ORGANIZATION_DELETED, OrganizationDeleted.class),
            Map.entry(Topics.ACTIVATION_CHANGED, ActivationChanged.class),
            Map.entry(Topics.USAGE_REPORTED, UsageReported.class),
            Map.entry(Topics.AUDIT_RECORDED, AuditRecorded.class),
            Map.entry(Topics.ORGANIZATION_CREATED, ItemChanged.class),
            Map.entry(Topics.ORGANIZATION_UPDATED, ItemChanged.class),
            Map.entry(Topics.USER_CREATED, ItemChanged.class),
            Map.entry(Topics.USER_UPDATED, ItemChanged.class),
            Map.entry(Topics.CONTACT_CREATED, ItemChanged.class),
            Map.entry(Topics.CONTACT_UPDATED, ItemChanged.class),
            Map.entry(Topics.CONTACT_DELETED, ItemChanged.class));

    private EventTypes() {
    }

    /** The payload class of {@code type}, or null for a type this platform does not know (yet). */
    public static Class<?> payloadOf(String type) {
        return type == null ? null : PAYLOADS.get(type);
    }
}
