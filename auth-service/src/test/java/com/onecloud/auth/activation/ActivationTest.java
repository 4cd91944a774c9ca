package com.onecloud.auth.activation;

import static com.onecloud.auth.support.Decisions.decide;
import static com.onecloud.auth.support.Decisions.decideFresh;
import static com.onecloud.auth.support.Decisions.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.access.Audience;
import com.onecloud.access.PrincipalKind;
import com.onecloud.auth.credential.CredentialStore;
import com.onecloud.auth.support.Listening;
import com.onecloud.auth.support.RevocationEvents;
import com.onecloud.auth.support.TicketDatabaseResource;
import com.onecloud.auth.support.Tickets;
import com.onecloud.auth.support.Tickets.Issued;
import com.onecloud.events.Topics;
import com.onecloud.revocation.RevocationFeed;
import com.onecloud.testsupport.EmbeddedKafkaResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Contract §3 rule 7 at the decision point: an organization's Admin API and User API activation and a user's own User
 * API flag, read from ticket-service's view, held with the verified credential, and changed within a second of
 * ticket-service's announcement (the view is updated before it), either way.
 */
@QuarkusTest
@QuarkusTestResource(TicketDatabaseResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
class ActivationTest {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final Set<Api> ALL = Set.of(Api.CONTACTS, Api.USERS, Api.TICKETS);

    private static RevocationEvents events;

    @Inject
    RevocationFeed listener;

    @Inject
    CredentialStore store;

    @BeforeAll
    static void producer() {
        events = new RevocationEvents();
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @BeforeEach
    void listening() {
        Listening.awaitAssignment(listener);
    }

    @Test
    void anApplicationIsRefusedOnTheAdminApiOfAnOrganizationThatHasNotActivatedIt() {
        Issued app = Tickets.issue(PrincipalKind.APPLICATION, ALL);
        Tickets.activate(app.organizationId(), false, true, 1);
        decide(app.basic(), Audience.ADMIN_API, Api.USERS).statusCode(200)
                .body("outcome", equalTo("FORBIDDEN"), "error", equalTo("insufficient_scope"),
                        "description", allOf(containsString("Admin API"), containsString("organization")));
    }

    @Test
    void aUserIsRefusedOnTheUserApiWhenTheOrganizationOrTheUserHasItOff() {
        Issued user = Tickets.issue(PrincipalKind.USER, ALL);
        Tickets.activate(user.organizationId(), true, false, 1);
        decide(user.bearer(), Audience.USER_API, Api.CONTACTS).statusCode(200)
                .body("outcome", equalTo("FORBIDDEN"), "description", containsString("organization"));

        Issued colleague = Tickets.issue(PrincipalKind.USER, ALL);
        Issued other = Tickets.issue(PrincipalKind.USER, ALL);
        Tickets.activateUser(colleague.organizationId(), colleague.userId(), false, 1);
        decide(colleague.bearer(), Audience.USER_API, Api.CONTACTS).statusCode(200)
                .body("outcome", equalTo("FORBIDDEN"), "description", allOf(containsString("User API"),
                        containsString("user")));
        assertThat(outcome(other.bearer(), Audience.USER_API, Api.CONTACTS)).isEqualTo("ALLOW");
    }

    @Test
    void anOrganizationWithoutAnyActivationHasNoneAndSuperusersAreNotAffected() {
        Issued app = Tickets.issue(PrincipalKind.APPLICATION, ALL);
        Tickets.forgetActivation(app.organizationId());
        assertThat(outcome(app.basic(), Audience.ADMIN_API, Api.USERS)).isEqualTo("FORBIDDEN");
        Issued superuser = Tickets.issue(PrincipalKind.SUPERUSER, ALL);
        assertThat(outcome(superuser.basic(), Audience.ADMIN_API, Api.USERS)).isEqualTo("ALLOW");
        assertThat(outcome(superuser.basic(), Audience.PLATFORM, null)).isEqualTo("ALLOW");
    }

    @Test
    void switchingOffAndOnTakesEffectWithinASecondOfTheAnnouncementAndACachedDecisionReadsNothing() {
        Issued app = Tickets.issue(PrincipalKind.APPLICATION, ALL);
        String org = app.organizationId();
        assertThat(outcome(app.basic(), Audience.ADMIN_API, Api.USERS)).isEqualTo("ALLOW");
        long lookups = store.lookups();

        Tickets.activate(org, false, true, 2);
        assertThat(outcome(app.basic(), Audience.ADMIN_API, Api.USERS)).as("held until announced").isEqualTo("ALLOW");
        events.publish(org, RevocationEvents.activation(org, null, false, true, 2));
        await().atMost(ONE_SECOND).pollInterval(Duration.ofMillis(20))
                .until(() -> "FORBIDDEN".equals(outcome(app.basic(), Audience.ADMIN_API, Api.USERS)));

        Tickets.activate(org, true, true, 3);
        events.publish(org, RevocationEvents.activation(org, null, true, true, 3));
        await().atMost(ONE_SECOND).pollInterval(Duration.ofMillis(20))
                .until(() -> "ALLOW".equals(outcome(app.basic(), Audience.ADMIN_API, Api.USERS)));
        assertThat(store.lookups()).as("the credential stayed cached throughout").isEqualTo(lookups);
    }

    @Test
    void resourceServicesAnnouncementTakesEffectBeforeTheViewHoldsItAndAnOlderViewDoesNotUndoIt() {
        Issued app = Tickets.issue(PrincipalKind.APPLICATION, ALL);
        String org = app.organizationId();
        assertThat(outcome(app.basic(), Audience.ADMIN_API, Api.USERS)).isEqualTo("ALLOW");

        // On directory-events, as resource-service sends it; ticket-service has not stored it yet.
        events.publish(Topics.DIRECTORY_EVENTS, org, RevocationEvents.activation(org, null, false, true, 7));
        await().atMost(ONE_SECOND).pollInterval(Duration.ofMillis(20))
                .until(() -> "FORBIDDEN".equals(outcome(app.basic(), Audience.ADMIN_API, Api.USERS)));
        decideFresh(app.basic(), Audience.ADMIN_API, Api.USERS).statusCode(200)
                .body("outcome", equalTo("FORBIDDEN"));

        // The view catches up, then ticket-service announces it again: nothing changes.
        Tickets.activate(org, false, true, 7);
        events.publish(org, RevocationEvents.activation(org, null, false, true, 7));
        assertThat(outcome(app.basic(), Audience.ADMIN_API, Api.USERS)).isEqualTo("FORBIDDEN");
    }

    @Test
    void aUsersOwnSwitchReachesOnlyThatUser() {
        Issued user = Tickets.issue(PrincipalKind.USER, ALL);
        String org = user.organizationId();
        assertThat(outcome(user.bearer(), Audience.USER_API, Api.CONTACTS)).isEqualTo("ALLOW");
        Tickets.activateUser(org, user.userId(), false, 5);
        events.publish(org, RevocationEvents.activation(org, user.userId(), null, false, 5));
        await().atMost(ONE_SECOND).pollInterval(Duration.ofMillis(20))
                .until(() -> "FORBIDDEN".equals(outcome(user.bearer(), Audience.USER_API, Api.CONTACTS)));
    }

    @Test
    void aFreshRequestReadsTheActivationFromTheView() {
        Issued app = Tickets.issue(PrincipalKind.APPLICATION, ALL);
        assertThat(outcome(app.basic(), Audience.ADMIN_API, Api.USERS)).isEqualTo("ALLOW");
        Tickets.activate(app.organizationId(), false, true, 2);
        assertThat(outcome(app.basic(), Audience.ADMIN_API, Api.USERS)).isEqualTo("ALLOW");
        decideFresh(app.basic(), Audience.ADMIN_API, Api.USERS).statusCode(200).body("outcome", equalTo("FORBIDDEN"));
    }
}
