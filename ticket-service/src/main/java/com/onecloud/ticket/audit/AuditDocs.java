package com.onecloud.ticket.audit;

/** The API description's words for both audit routes. */
final class AuditDocs {

    static final String TRAIL = "Who changed what, when and from where: tickets created, rotated and revoked (also by"
            + " the platform itself: `actor.kind` `SYSTEM` for a cascade of a deleted user or organization, the end of"
            + " a rotation's grace, the bootstrap credential), organizations and users created, updated and deleted."
            + " `actor.id` is the ticket id of the credential that asked, or the subject of an OpenID Connect token."
            + " `sourceAddress` is the client's address as the connection shows it (`X-Forwarded-For` counts only"
            + " from configured trusted proxies). `changes` names the fields that changed, never a value. Newest"
            + " first; `limit` (default 50, at most 500) and `offset`. In XML: `<page><items><auditEntry>…`, with"
            + " `<changes><change>`.";
    static final String BAD_FILTER = "A filter or paging parameter is malformed; `validationResult` names it.";
    static final String ACTION = "Only entries of this action, e.g. `ticket.revoked`.";
    static final String TARGET_ID = "Only entries about this ticket, user or organization id.";
    static final String ACTOR_ID = "Only entries made by this actor id (ticket id, OIDC subject, or service name).";
    static final String FROM = "Only entries at or after this time (ISO-8601 with offset, e.g. `2026-01-31T00:00:00Z`).";
    static final String TO = "Only entries before this time (ISO-8601 with offset).";

    private AuditDocs() {
    }
}
