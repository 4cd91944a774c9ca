package com.onecloud.auth.revocation;

import static com.onecloud.auth.support.Decisions.decide;
import static com.onecloud.auth.support.Decisions.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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
import com.onecloud.auth.support.CapturedLog;
import com.onecloud.auth.support.Listening;
import com.onecloud.auth.support.RevocationEvents;
import com.onecloud.auth.support.TicketDatabaseResource;
import com.onecloud.auth.support.Tickets;
import com.onecloud.auth.support.Tickets.Issued;
import com.onecloud.events.CloudEvent;
import com.onecloud.events.Topics;
import com.onecloud.events.UserDeleted;
import com.onecloud.revocation.RevocationFeed;
import com.onecloud.testsupport.EmbeddedKafkaResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Contract §6: a revocation event evicts the cached credential, so the next decision is a refusal within 1 second,
 * although the cache TTL (30 s here) has not run out and no decision would otherwise read the database again.
 */
@QuarkusTest
@QuarkusTestResource(TicketDatabaseResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
class RevocationTest {

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
    static void closeAndCheckLog() {
        events.close();
        CapturedLog.assertNoIssuedCredential("cached entries evicted");
    }

    @BeforeEach
    void listenerIsAssigned() {
        Listening.awaitAssignment(listener);
    }

    @Test
    void aRevokedTicketIsRefusedWithinOneSecondOfItsEvent() {
        Issued app = Tickets.issue(PrincipalKind.APPLICATION, ALL);
        cachedAllow(app.basic(), Audience.ADMIN_API, Api.USERS);

        Tickets.revokeInDatabase(app.ticketId());
        long lookups = store.lookups();
        // Without the event the cached entry would still answer ALLOW for up to 30 s.
        assertThat(outcome(app.basic(), Audience.ADMIN_API, Api.USERS)).isEqualTo("ALLOW");
        assertThat(store.lookups()).isEqualTo(lookups);

        CloudEvent<?> event = RevocationEvents.revoked(app, null, "REVOKED");
        events.publish(app.ticketId(), event);
        await().atMost(ONE_SECOND).pollInterval(Duration.ofMillis(20))
                .until(() -> "UNAUTHENTICATED".equals(outcome(app.basic(), Audience.ADMIN_API, Api.USERS)));
        decide(app.basic(), Audience.ADMIN_API, Api.USERS).body("error", equalTo("invalid_token"));

        // At-least-once delivery: the same event again is harmless, and the listener goes on working.
        events.publish(app.ticketId(), event);
        Issued other = Tickets.issue(PrincipalKind.USER, ALL);
        cachedAllow(other.bearer(), Audience.USER_API, Api.CONTACTS);
        Tickets.revokeInDatabase(other.ticketId());
        events.publish(other.ticketId(), RevocationEvents.revoked(other, null, "REVOKED"));
        await().atMost(ONE_SECOND).pollInterval(Duration.ofMillis(20))
                .until(() -> "UNAUTHENTICATED".equals(outcome(other.bearer(), Audience.USER_API, Api.CONTACTS)));
        assertThat(outcome(app.basic(), Audience.ADMIN_API, Api.USERS)).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void everyCachedPresentationOfTheTicketIsEvicted() {
        Issued user = Tickets.issue(PrincipalKind.USER, ALL);
        Issued second = Tickets.addCredential(user, null);
        cachedAllow(user.bearer(), Audience.USER_API, Api.CONTACTS);
        cachedAllow(second.bearer(), Audience.USER_API, Api.CONTACTS);

        Tickets.revokeInDatabase(user.ticketId());
        events.publish(user.ticketId(), RevocationEvents.revoked(user, null, "USER_DELETED"));
        await().atMost(ONE_SECOND).pollInterval(Duration.ofMillis(20)).until(() ->
                "UNAUTHENTICATED".equals(outcome(user.bearer(), Audience.USER_API, Api.CONTACTS))
                        && "UNAUTHENTICATED".equals(outcome(second.bearer(), Audience.USER_API, Api.CONTACTS)));
    }

    @Test
    void theEndOfARotationsGraceEvictsOnlyTheOldCredential() {
        Issued old = Tickets.issue(PrincipalKind.APPLICATION, ALL);
        Issued rotated = Tickets.addCredential(old, null);
        cachedAllow(old.basic(), Audience.ADMIN_API, Api.USERS);
        cachedAllow(rotated.basic(), Audience.ADMIN_API, Api.USERS);

        Tickets.endCredential(old.credentialId());
        events.publish(old.ticketId(), RevocationEvents.revoked(old, old.credentialId(), "ROTATION_GRACE_ENDED"));
        await().atMost(ONE_SECOND).pollInterval(Duration.ofMillis(20))
                .until(() -> "UNAUTHENTICATED".equals(outcome(old.basic(), Audience.ADMIN_API, Api.USERS)));

        long lookups = store.lookups();
        assertThat(outcome(rotated.basic(), Audience.ADMIN_API, Api.USERS)).isEqualTo("ALLOW");
        assertThat(store.lookups()).as("the new credential stayed cached").isEqualTo(lookups);
    }

    @Test
    void unreadableAndUnrelatedEventsAreSkipped() {
        Issued app = Tickets.issue(PrincipalKind.APPLICATION, ALL);
        cachedAllow(app.basic(), Audience.ADMIN_API, Api.USERS);

        events.send(app.ticketId(), "not json {");
        events.send(app.ticketId(), "{\"type\":\"" + Topics.TICKET_REVOKED + "\",\"data\":{}}");
        events.publish("org", CloudEvent.of("/onecloud/resource-service", Topics.USER_DELETED, "u", null,
                new UserDeleted("org", "u", null)));
        events.publish(app.ticketId(), CloudEvent.of("/onecloud/ticket-service", Topics.TICKET_CREATED,
                app.ticketId(), null, RevocationEvents.revoked(app, null, null).data()));
        assertThat(outcome(app.basic(), Audience.ADMIN_API, Api.USERS)).isEqualTo("ALLOW");

        Tickets.revokeInDatabase(app.ticketId());
        events.publish(app.ticketId(), RevocationEvents.revoked(app, null, "REVOKED"));
        await().atMost(ONE_SECOND).pollInterval(Duration.ofMillis(20))
                .until(() -> "UNAUTHENTICATED".equals(outcome(app.basic(), Audience.ADMIN_API, Api.USERS)));
    }

    /** Decides twice and checks the second answer came from the cache. */
    private void cachedAllow(String authorization, Audience audience, Api api) {
        assertThat(outcome(authorization, audience, api)).isEqualTo("ALLOW");
        long lookups = store.lookups();
        assertThat(outcome(authorization, audience, api)).isEqualTo("ALLOW");
        assertThat(store.lookups()).as("served from the cache").isEqualTo(lookups);
    }
}
