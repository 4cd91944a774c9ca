package com.onecloud.ticket.service;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import com.onecloud.access.Api;
import com.onecloud.access.Principal;
import com.onecloud.access.PrincipalKind;
import com.onecloud.http.problem.Forbidden;
import com.onecloud.http.problem.InvalidInput;

/**
 * A ticket to issue, made from a {@link TicketDraft} by the rules of the route it came through; each rule is checked in
 * the order a client reads the body, and the first one broken answers. {@code expiresAt} null means the default
 * validity; whether a chosen one is allowed is {@link Validity}'s to decide, against the configured maximum and
 * {@code sourceEnd}: the end of the credential the ticket derives from (a user's own token), null if none.
 */
public record NewTicket(String organizationId, PrincipalKind kind, String userId, String name, Set<Api> apis,
        Instant expiresAt, Instant sourceEnd) {

    /** A ticket that derives from no other credential: an administrator's, or the bootstrap's. */
    public NewTicket(String organizationId, PrincipalKind kind, String userId, String name, Set<Api> apis,
            Instant expiresAt) {
        this(organizationId, kind, userId, name, apis, expiresAt, null);
    }

    /** An organization's ticket: APPLICATION, or USER naming its user. */
    public static NewTicket ofOrganization(String organizationId, TicketDraft draft) {
        PrincipalKind kind = draft.kind() == null ? null : Names.of(PrincipalKind.class, draft.kind(), "kind");
        if (kind == null) {
            throw InvalidInput.of("kind", "kind is required: APPLICATION or USER.");
        }
        if (kind == PrincipalKind.SUPERUSER) {
            throw InvalidInput.of("kind", "An organization's ticket is APPLICATION or USER; "
                    + "SUPERUSER tickets are created at /api/admin/v1/tickets.");
        }
        if (kind == PrincipalKind.USER && (draft.userId() == null || draft.userId().isBlank())) {
            throw InvalidInput.of("userId", "userId is required for a USER ticket.");
        }
        if (kind == PrincipalKind.APPLICATION && draft.userId() != null) {
            throw InvalidInput.of("userId", "An APPLICATION ticket has no userId.");
        }
        return new NewTicket(organizationId, kind, draft.userId(), draft.name(), Names.apis(draft.apis()),
                draft.expiresAt());
    }

    /** A SUPERUSER ticket of the platform: the kind SUPERUSER or none, and no user. */
    public static NewTicket ofPlatform(TicketDraft draft) {
        PrincipalKind kind = draft.kind() == null ? null : Names.of(PrincipalKind.class, draft.kind(), "kind");
        if (kind != null && kind != PrincipalKind.SUPERUSER) {
            throw InvalidInput.of("kind", "Tickets here are SUPERUSER tickets; an organization's tickets are "
                    + "created at /api/admin/v1/organizations/{orgId}/tickets.");
        }
        if (draft.userId() != null) {
            throw InvalidInput.of("userId", "A SUPERUSER ticket has no userId.");
        }
        return new NewTicket(null, PrincipalKind.SUPERUSER, null, draft.name(), Names.apis(draft.apis()),
                draft.expiresAt());
    }

    /**
     * A USER token of {@code user} for themself. Contract §3 rule 6: it can be granted only APIs that the presenting
     * token already has, so that a token never passes on more than it holds; and it ends no later than the presenting
     * credential (for an OpenID Connect JWT, its {@code exp}), so that it never outlives it either.
     */
    public static NewTicket ownToken(Principal user, TicketDraft draft) {
        Set<Api> requested = Names.apis(draft.apis());
        Set<Api> beyond = EnumSet.copyOf(requested);
        beyond.removeAll(user.apis());
        if (!beyond.isEmpty()) {
            throw new Forbidden("A token can be granted only APIs that the presenting token has; not granted: "
                    + beyond + ".");
        }
        return new NewTicket(user.organizationId(), PrincipalKind.USER, user.userId(), draft.name(), requested,
                draft.expiresAt(), user.expiresAt());
    }
}
