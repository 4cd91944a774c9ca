package com.onecloud.events;

/** Kafka topics and CloudEvents types of contract §6. */
public final class Topics {

    /** Key: ticket id (organization id for {@link #ACTIVATION_CHANGED}). Published by ticket-service. */
    public static final String TICKET_EVENTS = "ticket-events";
    /** Key: organization id. Published by resource-service. */
    public static final String DIRECTORY_EVENTS = "directory-events";
    /** Key: the reporting process. Published by every service that decides on requests, without an outbox. */
    public static final String USAGE_EVENTS = "usage-events";

    public static final String TICKET_REVOKED = "onecloud.ticket.revoked.v1";
    public static final String TICKET_CREATED = "onecloud.ticket.created.v1";
    public static final String TICKET_ROTATED = "onecloud.ticket.rotated.v1";
    public static final String USER_DELETED = "onecloud.user.deleted.v1";
    public static final String ORGANIZATION_DELETED = "onecloud.organization.deleted.v1";
    /** On {@link #DIRECTORY_EVENTS} from resource-service, then on {@link #TICKET_EVENTS} from ticket-service. */
    public static final String ACTIVATION_CHANGED = "onecloud.activation.changed.v1";
    public static final String USAGE_REPORTED = "onecloud.usage.reported.v1";

    private Topics() {
    }
}
