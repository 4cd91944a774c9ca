package com.onecloud.events;

import java.util.Map;

/** The {@code data} type of each CloudEvents type on {@link Topics}, for typed decoding. */
public final class EventTypes {

    private static final Map<String, Class<?>> PAYLOADS = Map.of(
            Topics.TICKET_CREATED, TicketCreated.class,
            Topics.TICKET_ROTATED, TicketRotated.class,
            Topics.TICKET_REVOKED, TicketRevoked.class,
            Topics.USER_DELETED, UserDeleted.class,
            Topics.ORGANIZATION_DELETED, OrganizationDeleted.class,
            Topics.ACTIVATION_CHANGED, ActivationChanged.class,
            Topics.USAGE_REPORTED, UsageReported.class);

    private EventTypes() {
    }

    /** The payload class of {@code type}, or null for a type this platform does not know (yet). */
    public static Class<?> payloadOf(String type) {
        return type == null ? null : PAYLOADS.get(type);
    }
}
