package com.onecloud.ticket.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.access.Principal;
import com.onecloud.access.PrincipalKind;
import com.onecloud.http.problem.ApiException;
import com.onecloud.http.problem.Forbidden;
import com.onecloud.http.problem.InvalidInput;
import com.onecloud.http.problem.Violation;

/** The rules a draft must pass to become a ticket, per route, and the field each broken rule names. */
class NewTicketTest {

    private static final Instant EXPIRES = Instant.parse("2031-01-01T00:00:00Z");
    private static final Principal GINA = new Principal(PrincipalKind.USER, "gina", "t1", "org-1", "gina",
            Set.of(Api.CONTACTS, Api.USERS), EXPIRES);

    @Test
    void anOrganizationsTicketIsAnApplicationOrAUserNamingItsUser() {
        NewTicket user = NewTicket.ofOrganization("org-1", draft(" user ", "u1", "contacts", "USERS"));
        assertThat(user).isEqualTo(new NewTicket("org-1", PrincipalKind.USER, "u1", "laptop",
                Set.of(Api.CONTACTS, Api.USERS), EXPIRES));
        NewTicket application = NewTicket.ofOrganization("org-1", draft("APPLICATION", null, "TICKETS"));
        assertThat(application.kind()).isEqualTo(PrincipalKind.APPLICATION);
        assertThat(application.userId()).isNull();
        assertThat(application.organizationId()).isEqualTo("org-1");
        assertThat(application.sourceEnd()).as("an administrator's ticket derives from no credential").isNull();
    }

    @Test
    void anOrganizationsTicketNamesItsKindAndNeverSuperuser() {
        assertInvalid(() -> NewTicket.ofOrganization("org-1", draft(null, null, "CONTACTS")), "kind",
                "kind is required: APPLICATION or USER.");
        assertInvalid(() -> NewTicket.ofOrganization("org-1", draft("SUPERUSER", null, "TICKETS")), "kind",
                "SUPERUSER tickets are created at /api/admin/v1/tickets.");
        assertInvalid(() -> NewTicket.ofOrganization("org-1", draft("ROBOT", null, "TICKETS")), "kind",
                "kind must be one of USER, APPLICATION, SUPERUSER.");
    }

    @Test
    void aUserTicketNeedsItsUserAndAnApplicationTicketHasNone() {
        assertInvalid(() -> NewTicket.ofOrganization("org-1", draft("USER", null, "CONTACTS")), "userId",
                "userId is required for a USER ticket.");
        assertInvalid(() -> NewTicket.ofOrganization("org-1", draft("USER", " ", "CONTACTS")), "userId",
                "userId is required for a USER ticket.");
        assertInvalid(() -> NewTicket.ofOrganization("org-1", draft("APPLICATION", "u1", "CONTACTS")), "userId",
                "An APPLICATION ticket has no userId.");
    }

    @Test
    void theKindIsJudgedBeforeTheApis() {
        assertInvalid(() -> NewTicket.ofOrganization("org-1", draft("SUPERUSER", null, "NO_SUCH_API")), "kind",
                "SUPERUSER tickets");
        assertInvalid(() -> NewTicket.ofOrganization("org-1", draft("USER", "u1", "NO_SUCH_API")), "apis",
                "apis must be one of CONTACTS, USERS, TICKETS.");
    }

    @Test
    void aPlatformTicketIsASuperuserWithoutUser() {
        NewTicket superuser = NewTicket.ofPlatform(draft(null, null, "TICKETS", "USERS"));
        assertThat(superuser).isEqualTo(new NewTicket(null, PrincipalKind.SUPERUSER, null, "laptop",
                Set.of(Api.TICKETS, Api.USERS), EXPIRES));
        assertThat(NewTicket.ofPlatform(draft("superuser", null, "TICKETS")).kind()).isEqualTo(PrincipalKind.SUPERUSER);
        assertInvalid(() -> NewTicket.ofPlatform(draft("APPLICATION", null, "TICKETS")), "kind",
                "Tickets here are SUPERUSER tickets");
        assertInvalid(() -> NewTicket.ofPlatform(draft(null, "u1", "TICKETS")), "userId",
                "A SUPERUSER ticket has no userId.");
    }

    @Test
    void aUsersOwnTokenGetsOnlyApisThePresentingTokenHas() {
        NewTicket own = NewTicket.ownToken(GINA, draft(null, null, "CONTACTS"));
        // Bounded by the presenting credential's end (Validity decides against it).
        assertThat(own).isEqualTo(new NewTicket("org-1", PrincipalKind.USER, "gina", "laptop", Set.of(Api.CONTACTS),
                EXPIRES, GINA.expiresAt()));
        assertThat(NewTicket.ownToken(GINA, draft(null, null, "USERS", "CONTACTS")).apis())
                .containsExactlyInAnyOrder(Api.CONTACTS, Api.USERS);

        assertThatThrownBy(() -> NewTicket.ownToken(GINA, draft(null, null, "CONTACTS", "TICKETS")))
                .isInstanceOf(Forbidden.class)
                .hasMessage("A token can be granted only APIs that the presenting token has; not granted: [TICKETS].");
        Principal nothingGranted = new Principal(PrincipalKind.USER, "h", "t2", "org-1", "harry", Set.of(), EXPIRES);
        assertThatThrownBy(() -> NewTicket.ownToken(nothingGranted, draft(null, null, "CONTACTS")))
                .isInstanceOf(Forbidden.class).hasMessageContaining("not granted: [CONTACTS]");
    }

    @Test
    void everyTicketNamesAtLeastOneKnownApi() {
        assertInvalid(() -> NewTicket.ownToken(GINA, draft(null, null)), "apis", "apis must name at least one API.");
        assertInvalid(() -> NewTicket.ownToken(GINA, draft(null, null, "CONTACTS", "PHONES")), "apis",
                "apis must be one of CONTACTS, USERS, TICKETS.");
    }

    private static TicketDraft draft(String kind, String userId, String... apis) {
        return new TicketDraft("laptop", kind, userId, List.of(apis), EXPIRES);
    }

    private static void assertInvalid(Runnable rule, String field, String message) {
        assertThatThrownBy(rule::run).isInstanceOf(InvalidInput.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((ApiException) e).violations()).extracting(Violation::field)
                        .containsExactly(field));
    }
}
