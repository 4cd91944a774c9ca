package com.onecloud.ticket.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.access.credential.TokenFormat;
import com.onecloud.testsupport.AuthServiceDouble;
import com.onecloud.testsupport.EmbeddedKafkaResource;
import com.onecloud.testsupport.HeldTransaction;
import com.onecloud.testsupport.TicketDatabase;
import com.onecloud.ticket.support.BlockingAwait;
import com.onecloud.ticket.support.Callers;
import com.onecloud.ticket.support.Callers.Caller;
import com.onecloud.ticket.support.Db;
import com.onecloud.ticket.support.IssuedCredentials;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Deletion is final: a deleted user or organization gets no ticket again, from an administrator or from themself, and
 * a ticket issued while the deletion is handled does not survive it, whichever of the two gets to the database first.
 * Each race is made repeatable by a transaction of the test's own that holds a lock the one side needs after it has
 * taken its tombstone lock, until the other side is seen waiting (or, without the lock that orders them, has gone
 * ahead). The outcome is asserted first: no active ticket of the deleted user remains.
 */
@QuarkusTest
@QuarkusTestResource(TicketDatabase.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(AuthServiceDouble.class)
class DeletionIsFinalTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** How long a side is given to be seen waiting for the other; ample, since a wait shows within milliseconds. */
    private static final Duration SEEN = Duration.ofSeconds(5);

    @Inject
    DirectoryEventHandler handler;

    private String org;
    private String user;
    private Caller admin;
    private String base;

    @BeforeEach
    void setUp() {
        org = Callers.newOrganization();
        user = "user-" + TokenFormat.newId();
        admin = Callers.application(org, Api.TICKETS);
        base = "/api/admin/v1/organizations/" + org + "/tickets";
    }

    @Test
    void aDeletedUserGetsNoTicketAgainFromAnAdministratorOrThemself() {
        Caller self = Callers.user(org, user, Api.CONTACTS); // a credential still cached somewhere
        String before = id(createUserTicket(user).then().statusCode(201).extract().response());

        assertThat(userDeleted()).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM deleted_user WHERE organization_id = ? AND user_id = ?", org, user))
                .isOne();

        createUserTicket(user).then().statusCode(404).body("detail", equalTo("User not found."));
        self.json().contentType("application/json").body(Map.of("name", "mine", "apis", List.of("CONTACTS")))
                .post("/api/user/v1/tickets").then().statusCode(404).body("detail", equalTo("User not found."));
        Callers.superuser(Api.TICKETS).json().contentType("application/json").body(userTicket(user)).post(base)
                .then().statusCode(404);
        assertThat(Db.rows("SELECT id, revoke_reason FROM ticket WHERE organization_id = ? AND user_id = ?", org, user))
                .containsExactly(Map.of("id", before, "revoke_reason", "USER_DELETED"));

        // The organization and its other users go on.
        String other = "user-" + TokenFormat.newId();
        createUserTicket(other).then().statusCode(201);
        remember(admin.json().contentType("application/json")
                .body(Map.of("name", "app", "kind", "APPLICATION", "apis", List.of("USERS"))).post(base)
                .then().statusCode(201).extract().response());
        // Another deletion event for the user changes nothing.
        assertThat(userDeleted()).isZero();
    }

    @Test
    void aDeletedOrganizationGetsNoTicketAgainReadingAsOneThatDoesNotExist() {
        Caller member = Callers.user(org, user, Api.CONTACTS);
        assertThat(BlockingAwait.await(() -> handler.organizationDeleted(UUID.randomUUID().toString(), org))).isZero();

        for (Caller caller : List.of(admin, Callers.superuser(Api.TICKETS))) {
            caller.json().contentType("application/json")
                    .body(Map.of("name", "app", "kind", "APPLICATION", "apis", List.of("USERS"))).post(base)
                    .then().statusCode(404).body("detail", equalTo("Organization not found."));
            caller.json().contentType("application/json").body(userTicket(user)).post(base)
                    .then().statusCode(404).body("detail", equalTo("Organization not found."));
        }
        member.json().contentType("application/json").body(Map.of("name", "mine", "apis", List.of("CONTACTS")))
                .post("/api/user/v1/tickets").then().statusCode(404);
        assertThat(Db.count("SELECT count(*) FROM ticket WHERE organization_id = ?", org)).isZero();

        // Exactly as another organization's id answers.
        admin.json().contentType("application/json").body(userTicket(user))
                .post("/api/admin/v1/organizations/" + Callers.newOrganization() + "/tickets").then().statusCode(404)
                .body("detail", equalTo("Organization not found."));
    }

    /**
     * The deletion first: it has written the tombstone and waits (for the test's lock on a ticket it revokes) before it
     * commits. An issue for the user now must wait for the deletion to end, then read the tombstone.
     */
    @Test
    void aTicketAskedForWhileTheDeletionIsUnderWayIsRefused() throws Exception {
        String existing = id(createUserTicket(user).then().statusCode(201).extract().response());
        CompletableFuture<Response> issue;
        CompletableFuture<Integer> deletion;
        boolean issueWaited;
        try (HeldTransaction held = new HeldTransaction()) {
            held.execute("SELECT id FROM ticket WHERE id = ? FOR UPDATE", existing);
            deletion = CompletableFuture.supplyAsync(this::userDeleted);
            HeldTransaction.awaitWaiting("transactionid", "%from ticket%");
            assertThat(Db.count("SELECT count(*) FROM deleted_user WHERE user_id = ?", user))
                    .as("the tombstone is not committed yet").isZero();

            issue = CompletableFuture.supplyAsync(() -> createUserTicket(user));
            issueWaited = HeldTransaction.seenWaiting("advisory", "%pg_advisory_xact_lock_shared%", SEEN);
            held.commit();
        }
        assertThat(deletion.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1);
        Response refused = issue.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNoActiveTicketOfTheUser();
        refused.then().statusCode(404).body("detail", equalTo("User not found."));
        assertThat(issueWaited).as("the issue waited for the deletion").isTrue();
    }

    /**
     * The issue first: it has read no tombstone and waits (for the test's lock on the outbox) before it commits. The
     * deletion now must wait for the issue to end, then revoke its ticket with the others.
     */
    @Test
    void aTicketIssuedWhileTheDeletionIsHandledIsRevokedWithTheOthers() throws Exception {
        String existing = id(createUserTicket(user).then().statusCode(201).extract().response());
        CompletableFuture<Response> issue;
        CompletableFuture<Integer> deletion;
        boolean deletionWaited;
        try (HeldTransaction held = new HeldTransaction()) {
            held.execute("LOCK TABLE outbox_event IN SHARE MODE");
            issue = CompletableFuture.supplyAsync(() -> createUserTicket(user));
            HeldTransaction.awaitWaiting("relation", "insert into outbox_event%");

            deletion = CompletableFuture.supplyAsync(this::userDeleted);
            deletionWaited = HeldTransaction.seenWaiting("advisory", "%pg_advisory_xact_lock(%", SEEN);
            held.commit();
        }
        Response issued = issue.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        issued.then().statusCode(201);
        int revoked = deletion.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNoActiveTicketOfTheUser();
        assertThat(revoked).isEqualTo(2);
        assertThat(Db.rows("SELECT id FROM ticket WHERE user_id = ? AND revoke_reason = 'USER_DELETED'", user))
                .extracting(row -> row.get("id")).containsExactlyInAnyOrder(existing, id(issued));
        assertThat(deletionWaited).as("the deletion waited for the issue").isTrue();
    }

    private int userDeleted() {
        return BlockingAwait.await(() -> handler.userDeleted(UUID.randomUUID().toString(), org, user));
    }

    private Response createUserTicket(String userId) {
        Response response = admin.json().contentType("application/json").body(userTicket(userId)).post(base);
        remember(response);
        return response;
    }

    private static Map<String, Object> userTicket(String userId) {
        return Map.of("name", "t", "kind", "USER", "userId", userId, "apis", List.of("CONTACTS"));
    }

    private void assertNoActiveTicketOfTheUser() {
        assertThat(Db.count("SELECT count(*) FROM ticket WHERE organization_id = ? AND user_id = ? "
                + "AND revoked_at IS NULL", org, user)).isZero();
        admin.json().get(base + "?userId=" + user + "&status=ACTIVE").then().statusCode(200).body("total", equalTo(0));
    }

    private static String id(Response response) {
        return response.jsonPath().getString("id");
    }

    private static void remember(Response response) {
        if (response.statusCode() == 201) {
            IssuedCredentials.remember(response.jsonPath().getString("token"), response.jsonPath().getString("secret"));
        }
    }
}
