package com.onecloud.ticket.service;

import com.onecloud.access.Principal;
import com.onecloud.access.PrincipalKind;
import com.onecloud.authclient.Caller;
import com.onecloud.http.problem.Forbidden;
import com.onecloud.ticket.repository.TicketScope;

/**
 * Whose tickets a request manages, and who may manage them there: one organization's APPLICATION and USER tickets, the
 * platform's SUPERUSER tickets, or the presenting user's own tokens. Which principals reach a route at all (audience,
 * API) is its {@code @Protected} declaration's business; this is the rest. Each check comes before anything the request
 * asks, so that a caller who may not be here learns nothing else.
 */
public sealed interface TicketOwner {

    static TicketOwner organization(String organizationId) {
        return new Organization(organizationId);
    }

    static TicketOwner platform() {
        return new Platform();
    }

    static TicketOwner presentingUser() {
        return new PresentingUser();
    }

    /** The tickets {@code caller} may reach here. */
    TicketScope scope(Caller caller);

    /** The ticket {@code draft} asks {@code caller} to issue here, if the rules here allow it. */
    NewTicket order(Caller caller, TicketDraft draft);

    /** Contract §3 rule 5: another organization's tickets read as missing, as if it did not exist. */
    record Organization(String organizationId) implements TicketOwner {

        @Override
        public TicketScope scope(Caller caller) {
            caller.requireOrganization(organizationId, "Organization");
            return TicketScope.organization(organizationId);
        }

        @Override
        public NewTicket order(Caller caller, TicketDraft draft) {
            scope(caller);
            return NewTicket.ofOrganization(organizationId, draft);
        }
    }

    /** The platform's SUPERUSER tickets; their route admits SUPERUSER principals only. */
    record Platform() implements TicketOwner {

        @Override
        public TicketScope scope(Caller caller) {
            return TicketScope.superusers();
        }

        @Override
        public NewTicket order(Caller caller, TicketDraft draft) {
            return NewTicket.ofPlatform(draft);
        }
    }

    /** A user of an organization and their own Bearer tokens; no other principal has tokens of its own. */
    record PresentingUser() implements TicketOwner {

        @Override
        public TicketScope scope(Caller caller) {
            Principal user = user(caller);
            return TicketScope.ownTokens(user.organizationId(), user.userId());
        }

        @Override
        public NewTicket order(Caller caller, TicketDraft draft) {
            return NewTicket.ownToken(user(caller), draft);
        }

        private static Principal user(Caller caller) {
            Principal principal = caller.principal();
            if (principal.kind() != PrincipalKind.USER || principal.organizationId() == null
                    || principal.userId() == null) {
                throw new Forbidden("Only a user of an organization has tokens of their own.");
            }
            return principal;
        }
    }
}
