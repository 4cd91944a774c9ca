package com.onecloud.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code data} of {@code onecloud.audit.recorded.v1}: one entry of the audit trail (contract §4), exactly as the read
 * API shows it. Written in the transaction of the change it records. {@code changes} names fields, never a value: no
 * token, secret or hash is ever part of an entry.
 *
 * @param id the entry's id (a UUID), also the id of the event that carries it
 * @param action {@code ticket.created}, {@code ticket.rotated}, {@code ticket.revoked}, {@code organization.created},
 *        {@code organization.updated}, {@code organization.deleted}, {@code user.created}, {@code user.updated} or
 *        {@code user.deleted}
 * @param organizationId the organization whose trail holds the entry; null for the platform's own (SUPERUSER tickets)
 * @param sourceAddress the client's address; null for a change the platform made by itself
 * @param changes the names of the fields that changed: every field a created resource was given, the fields an
 *        update changed, none for a deletion
 * @param reason why a ticket was revoked ({@code REVOKED}, {@code ROTATION_GRACE_ENDED}, {@code USER_DELETED},
 *        {@code ORGANIZATION_DELETED}, {@code BOOTSTRAP_REPLACED}); null for other actions
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditRecorded(String id, Instant time, String action, String organizationId, Actor actor,
        Target target, String sourceAddress, List<String> changes, String reason) {

    public AuditRecorded {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /**
     * Who made the change: a principal ({@code USER}, {@code APPLICATION}, {@code SUPERUSER}; {@code id} its ticket
     * id, or its subject for an OpenID Connect token), or the platform itself ({@code SYSTEM}; {@code id} the service
     * that acted).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Actor(String kind, String id, String organizationId) {
    }

    /** What was changed: {@code type} {@code ticket}, {@code organization} or {@code user}, and its id. */
    public record Target(String type, String id) {
    }
}
