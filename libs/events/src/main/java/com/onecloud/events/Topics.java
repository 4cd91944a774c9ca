package com.onecloud.events;

/** Kafka topics and CloudEvents types of contract §6. */
public final class Topics {

    /** Key: ticket id (organization id for {@link #ACTIVATION_CHANGED}). Published by ticket-service. */
    public static final String TICKET_EVENTS = "ticket-events";
    /** Key: organization id. Published by resource-service. */
    public static final String DIRECTORY_EVENTS = "directory-events";
    /** Key: the reporting process. Published by every service that decides on requests, without an outbox. */
    public static final String USAGE_EVENTS = "usage-events";
    /**
     * The audit trail (contract §4): every administrative change, for export (a SIEM) and for ticket-service's read
     * API. Key: the entry's organization id, {@link #PLATFORM_KEY} for the platform's own. Published by ticket-service
     * and resource-service.
     */
    public static final String AUDIT_EVENTS = "audit-events";
    /** A user's personal contacts changed. Key: the user's id. Published by resource-service. */
    public static final String CONTACT_EVENTS = "contact-events";
    /** The key of an {@link #AUDIT_EVENTS} record whose entry belongs to no organization. */
    public static final String PLATFORM_KEY = "platform";

    public static final String TICKET_REVOKED = "onecloud.ticket.revoked.v1";
    public static final String TICKET_CREATED = "onecloud.ticket.created.v1";
    public static final String TICKET_ROTATED = "onecloud.ticket.rotated.v1";
    public static final String TICKET_EXPIRED = "onecloud.ticket.expired.v1";
    /** On {@link #DIRECTORY_EVENTS}, with {@link ItemChanged}: created and updated organizations and users. */
    public static final String ORGANIZATION_CREATED = "onecloud.organization.created.v1";
    public static final String ORGANIZATION_UPDATED = "onecloud.organization.updated.v1";
    public static final String USER_CREATED = "onecloud.user.created.v1";
    public static final String USER_UPDATED = "onecloud.user.updated.v1";
    /** On {@link #CONTACT_EVENTS}, with {@link ItemChanged}. */
    public static final String CONTACT_CREATED = "onecloud.contact.created.v1";
    public static final String CONTACT_UPDATED = "onecloud.contact.updated.v1";
    public static final String CONTACT_DELETED = "onecloud.contact.deleted.v1";
    public static final String USER_DELETED = "onecloud.user.deleted.v1";
    public static final String ORGANIZATION_DELETED = "onecloud.organization.deleted.v1";
    /** On {@link #DIRECTORY_EVENTS} from resource-service, then on {@link #TICKET_EVENTS} from ticket-service. */
    public static final String ACTIVATION_CHANGED = "onecloud.activation.changed.v1";
    public static final String USAGE_REPORTED = "onecloud.usage.reported.v1";
    /** On {@link #AUDIT_EVENTS}; the event's id is the audit entry's id. */
    public static final String AUDIT_RECORDED = "onecloud.audit.recorded.v1";

    private Topics() {
    }
}
