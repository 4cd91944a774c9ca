package com.onecloud.audit;

import com.onecloud.access.Principal;
import com.onecloud.authclient.Caller;
import com.onecloud.events.AuditRecorded;

/**
 * Who made a change and from where: the {@code actor} and {@code sourceAddress} of its audit entry.
 *
 * @param sourceAddress the client's address ({@link Caller#sourceAddress()}); null for the platform's own changes
 */
public record Origin(AuditRecorded.Actor actor, String sourceAddress) {

    /** The kind of the actor that is the platform itself: a change no request asked for at the time it happened. */
    public static final String SYSTEM = "SYSTEM";

    /**
     * The authenticated principal of the request: its kind, its ticket id (the subject of an OpenID Connect token,
     * which has no ticket) and its organization (none for a SUPERUSER).
     */
    public static Origin of(Caller caller) {
        Principal principal = caller.principal();
        String id = principal.ticketId() != null ? principal.ticketId() : principal.subject();
        return new Origin(new AuditRecorded.Actor(principal.kind().name(), id, principal.organizationId()),
                caller.sourceAddress());
    }

    /**
     * The platform itself, named by the service that acted: a cascade of a deletion, the end of a rotation's grace,
     * the bootstrap credential of the configuration. No address: no client asked.
     */
    public static Origin system(String service) {
        return new Origin(new AuditRecorded.Actor(SYSTEM, service, null), null);
    }
}
