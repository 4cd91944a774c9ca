package com.onecloud.resource.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.resource.support.Credentials;
import com.onecloud.resource.support.Credentials.Credential;
import com.onecloud.resource.support.Fixtures;
import com.onecloud.resource.support.HeldOrganization;
import com.onecloud.testsupport.AuthServiceDouble;
import com.onecloud.testsupport.EmbeddedKafkaResource;
import com.onecloud.testsupport.EmbeddedPostgresResource;
import com.onecloud.testsupport.HeldTransaction;
import com.onecloud.testsupport.ResourceDatabase;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A personal contact of a deleted user is gone with the user: the deletion removes the user and their contacts in one
 * transaction, and a credential of the user that still works for a moment (until the revocation reaches every cache)
 * creates no contact again, not even one created while the deletion runs. Each race is made repeatable by a
 * transaction of the test's own that holds a lock the one side needs after it took the owner's lock.
 */
@QuarkusTest
@QuarkusTestResource(AuthServiceDouble.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(ResourceDatabase.class)
class UserDeletionTest {

    private static final String CONTACTS = "/api/user/v1/contacts";
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** How long a side is given to be seen waiting for the other; ample, since a wait shows within milliseconds. */
    private static final Duration SEEN = Duration.ofSeconds(5);

    private String org;
    private String userId;
    private Credential user;
    private Credential admin;

    @AfterAll
    static void noCredentialWasLogged() {
        Credentials.assertNoneLogged();
    }

    @BeforeEach
    void setUp() {
        org = Fixtures.organization("User deletion");
        userId = Fixtures.user(org, "Dee", "Parted", Fixtures.email("dee"), null);
        user = Credentials.user(org, userId, Api.CONTACTS);
        admin = Credentials.application(org, Api.USERS);
    }

    @Test
    void aDeletedUsersCredentialCreatesNoContactAgain() throws Exception {
        createContact("Before").then().statusCode(201);
        deleteUser().then().statusCode(204);
        assertThat(count("SELECT count(*) FROM deleted_user WHERE organization_id = ? AND user_id = ?", org, userId))
                .isOne();

        createContact("After").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("The caller's user does not exist."));
        assertThat(contactsOfTheUser()).isZero();
        // The counter that page totals read (migration V9) went down with the deleted contacts.
        assertThat(count("SELECT coalesce(sum(contacts), 0) FROM contact_count WHERE organization_id = ? "
                + "AND owner_user_id = ?", org, userId)).isZero();
        // Anyone else of the organization goes on.
        String otherId = Fixtures.user(org, "Stays", "On", Fixtures.email("stays"), null);
        Credentials.user(org, otherId, Api.CONTACTS).spec().contentType("application/json")
                .body(Map.of("firstName", "Fine")).post(CONTACTS).then().statusCode(201);
    }

    /**
     * The deletion first: it has deleted the user and written the tombstone, and waits (for the test's lock on one of
     * the user's contacts) before it commits. A contact created now waits for it, then reads the tombstone.
     */
    @Test
    void aContactCreatedWhileTheUserIsBeingDeletedIsRefused() throws Exception {
        String contact = createContact("Locked").then().statusCode(201).extract().path("id");
        CompletableFuture<Response> deletion;
        CompletableFuture<Response> creation;
        boolean creationWaited;
        try (HeldTransaction held = new HeldTransaction()) {
            held.execute("SELECT id FROM contact WHERE id = ? FOR UPDATE", contact);
            deletion = CompletableFuture.supplyAsync(this::deleteUser);
            HeldTransaction.awaitWaiting("transactionid", "delete from contact%");
            // Until the deletion commits, the user and their contacts are all there: they go together.
            assertThat(count("SELECT count(*) FROM directory_user WHERE id = ?", userId)).isOne();
            assertThat(contactsOfTheUser()).isOne();

            creation = CompletableFuture.supplyAsync(() -> createContact("During"));
            creationWaited = HeldTransaction.seenWaiting("advisory", "insert into contact%", SEEN);
            held.commit();
        }
        deletion.get(WAIT.toSeconds(), TimeUnit.SECONDS).then().statusCode(204);
        Response created = creation.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(contactsOfTheUser()).as("contacts of the deleted user").isZero();
        created.then().statusCode(404).body("detail", equalTo("The caller's user does not exist."));
        assertThat(count("SELECT count(*) FROM directory_user WHERE id = ?", userId)).isZero();
        assertThat(creationWaited).as("the creation waited for the deletion").isTrue();
    }

    /**
     * The creation first: it has read no tombstone and waits (for the test's lock on the organization, which its
     * foreign key check needs) before it commits. The deletion now waits for it, then deletes that contact too.
     */
    @Test
    void aContactCreatedJustBeforeTheUserIsDeletedGoesWithTheUser() throws Exception {
        CompletableFuture<Response> creation;
        CompletableFuture<Response> deletion;
        boolean deletionWaited;
        try (HeldOrganization lock = HeldOrganization.locking(org)) {
            creation = CompletableFuture.supplyAsync(() -> createContact("Racing"));
            lock.awaitAnInsertWaiting("contact");
            deletion = CompletableFuture.supplyAsync(this::deleteUser);
            deletionWaited = HeldTransaction.seenWaiting("advisory", "%pg_advisory_xact_lock(%", SEEN);
            lock.commit();
        }
        creation.get(WAIT.toSeconds(), TimeUnit.SECONDS).then().statusCode(201);
        deletion.get(WAIT.toSeconds(), TimeUnit.SECONDS).then().statusCode(204);
        assertThat(contactsOfTheUser()).as("contacts of the deleted user").isZero();
        assertThat(deletionWaited).as("the deletion waited for the creation").isTrue();
    }

    private Response createContact(String firstName) {
        return user.spec().contentType("application/json").accept("application/json")
                .body(Map.of("firstName", firstName)).post(CONTACTS);
    }

    private Response deleteUser() {
        return admin.spec().delete("/api/admin/v1/organizations/" + org + "/users/" + userId);
    }

    private long contactsOfTheUser() throws SQLException {
        return count("SELECT count(*) FROM contact WHERE organization_id = ? AND owner_user_id = ?", org, userId);
    }

    private static long count(String sql, String... params) throws SQLException {
        try (Connection c = DriverManager.getConnection(EmbeddedPostgresResource.jdbcUrl(),
                EmbeddedPostgresResource.USER, EmbeddedPostgresResource.PASSWORD);
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setString(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
