package com.onecloud.auth.decision;

import static com.onecloud.auth.support.Decisions.decide;
import static com.onecloud.auth.support.Decisions.decideFresh;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.access.Audience;
import com.onecloud.access.PrincipalKind;
import com.onecloud.access.credential.TokenFormat;
import com.onecloud.auth.support.DecisionTestBase;
import com.onecloud.auth.support.TicketDatabaseResource;
import com.onecloud.auth.support.Tickets;
import com.onecloud.auth.support.Tickets.Issued;
import com.onecloud.testsupport.EmbeddedKafkaResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Contract §2 and §3 through the real endpoint, against the real credential view. */
@QuarkusTest
@QuarkusTestResource(TicketDatabaseResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
class DecisionApiTest extends DecisionTestBase {

    private static final Set<Api> ALL = Set.of(Api.CONTACTS, Api.USERS, Api.TICKETS);

    // --- ALLOW ---------------------------------------------------------------------------------------------------

    @Test
    void userBearerIsAllowedOnTheUserApiAsThatUser() {
        Issued user = Tickets.issue(PrincipalKind.USER, Set.of(Api.CONTACTS));
        String expiresAt = decide(user.bearer(), Audience.USER_API, Api.CONTACTS).statusCode(200)
                .contentType(ContentType.JSON)
                .body("outcome", equalTo("ALLOW"))
                .body("error", nullValue())
                .body("principal.kind", equalTo("USER"))
                .body("principal.subject", equalTo(user.ticketId()))
                .body("principal.ticketId", equalTo(user.ticketId()))
                .body("principal.organizationId", equalTo(user.organizationId()))
                .body("principal.userId", equalTo(user.userId()))
                .body("principal.apis", containsInAnyOrder("CONTACTS"))
                .body("cacheSeconds", allOf(greaterThan(0), lessThanOrEqualTo(30)))
                .extract().path("principal.expiresAt");
        assertThat(Instant.parse(expiresAt)).isEqualTo(user.expiresAt());
    }

    @Test
    void userQueryTokenIsAllowed() {
        Issued user = Tickets.issue(PrincipalKind.USER, Set.of(Api.CONTACTS));
        decide(null, user.token(), Audience.USER_API, Api.CONTACTS).statusCode(200)
                .body("outcome", equalTo("ALLOW"))
                .body("principal.userId", equalTo(user.userId()));
    }

    @Test
    void applicationBasicIsAllowedOnTheAdminApi() {
        Issued app = Tickets.issue(PrincipalKind.APPLICATION, Set.of(Api.USERS, Api.TICKETS));
        decide(app.basic(), Audience.ADMIN_API, Api.USERS).statusCode(200)
                .body("outcome", equalTo("ALLOW"))
                .body("principal.kind", equalTo("APPLICATION"))
                .body("principal.ticketId", equalTo(app.ticketId()))
                .body("principal.organizationId", equalTo(app.organizationId()))
                .body("principal.userId", nullValue())
                .body("principal.apis", containsInAnyOrder("USERS", "TICKETS"));
    }

    @Test
    void superuserBasicIsAllowedOnTheAdminApiAndThePlatform() {
        Issued su = Tickets.issue(PrincipalKind.SUPERUSER, Set.of(Api.USERS, Api.TICKETS));
        decide(su.basic(), Audience.ADMIN_API, Api.TICKETS).statusCode(200)
                .body("outcome", equalTo("ALLOW"))
                .body("principal.kind", equalTo("SUPERUSER"))
                .body("principal.organizationId", nullValue());
        decide(su.basic(), Audience.PLATFORM, null).statusCode(200).body("outcome", equalTo("ALLOW"));
    }

    // --- 401 / 400 -----------------------------------------------------------------------------------------------

    @Test
    void noCredentialIsUnauthenticatedWithoutErrorCode() {
        decide(null, null, Audience.USER_API, Api.CONTACTS).statusCode(200)
                .body("outcome", equalTo("UNAUTHENTICATED"))
                .body("$", not(org.hamcrest.Matchers.hasKey("error")))
                .body("principal", nullValue())
                .body("cacheSeconds", equalTo(0));
    }

    @Test
    void headerAndQueryTokenIsAnInvalidRequest() {
        Issued user = Tickets.issue(PrincipalKind.USER, Set.of(Api.CONTACTS));
        decide(user.bearer(), user.token(), Audience.USER_API, Api.CONTACTS).statusCode(200)
                .body("outcome", equalTo("INVALID_REQUEST"))
                .body("error", equalTo("invalid_request"));
    }

    @Test
    void unknownSchemeIsAnInvalidRequest() {
        decide("Digest abc", Audience.USER_API, Api.CONTACTS).statusCode(200)
                .body("outcome", equalTo("INVALID_REQUEST")).body("error", equalTo("invalid_request"));
    }

    @Test
    void wrongSecretIsInvalidToken() {
        Issued app = Tickets.issue(PrincipalKind.APPLICATION, ALL);
        assertInvalidToken(decide(Issued.basic(app.token(), TokenFormat.newSecret()), Audience.ADMIN_API, Api.USERS),
                app.token());
    }

    @Test
    void aFreshRequestIsAnsweredFromTheStoreNotFromACachedVerification() {
        Issued app = Tickets.issue(PrincipalKind.APPLICATION, ALL);
        decide(app.basic(), Audience.ADMIN_API, Api.USERS).statusCode(200).body("outcome", equalTo("ALLOW"));
        // Revoked with no event, as while the broker is away: the cached verification still answers ALLOW.
        Tickets.revokeInDatabase(app.ticketId());
        decide(app.basic(), Audience.ADMIN_API, Api.USERS).statusCode(200).body("outcome", equalTo("ALLOW"));

        long before = store.lookups();
        assertInvalidToken(decideFresh(app.basic(), Audience.ADMIN_API, Api.USERS), app.token());
        assertThat(store.lookups()).as("looked up in the store").isEqualTo(before + 1);
    }

    @Test
    void malformedTokensAreRefusedWithoutAnyLookup() {
        Issued user = Tickets.issue(PrincipalKind.USER, ALL);
        String token = user.token();
        char last = token.charAt(token.length() - 1);
        String badChecksum = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        long before = store.lookups();
        assertInvalidToken(decide("Bearer " + token.substring(0, token.length() - 3), Audience.USER_API,
                Api.CONTACTS), token);
        assertInvalidToken(decide("Bearer " + badChecksum, Audience.USER_API, Api.CONTACTS), token);
        assertInvalidToken(decide(null, "not-a-token", Audience.USER_API, Api.CONTACTS), token);
        Issued app = Tickets.issue(PrincipalKind.APPLICATION, ALL);
        assertInvalidToken(decide(Issued.basic(app.token(), "short"), Audience.ADMIN_API, Api.USERS), app.token());
        assertThat(store.lookups()).as("no database lookup for a malformed credential").isEqualTo(before);
    }

    @Test
    void unknownCredentialIdIsInvalidToken() {
        String unknown = TokenFormat.newToken(TokenFormat.newId());
        Tickets.remember(unknown, null);
        long before = store.lookups();
        assertInvalidToken(decide("Bearer " + unknown, Audience.USER_API, Api.CONTACTS), unknown);
        assertThat(store.lookups()).as("a well-formed token is looked up").isEqualTo(before + 1);
        // Unknown credentials are not cached: asking again asks the database again.
        assertInvalidToken(decide("Bearer " + unknown, Audience.USER_API, Api.CONTACTS), unknown);
        assertThat(store.lookups()).isEqualTo(before + 2);
    }

    @Test
    void expiredCredentialIsInvalidToken() {
        Issued user = Tickets.issue(PrincipalKind.USER, ALL, Instant.now().minusSeconds(1));
        assertInvalidToken(decide(user.bearer(), Audience.USER_API, Api.CONTACTS), user.token());
        Issued su = Tickets.issue(PrincipalKind.SUPERUSER, ALL, Instant.now().minusSeconds(1));
        assertInvalidToken(decide(su.basic(), Audience.ADMIN_API, Api.USERS), su.token());
    }

    @Test
    void revokedCredentialIsInvalidToken() {
        Issued app = Tickets.issue(PrincipalKind.APPLICATION, ALL);
        Tickets.revokeInDatabase(app.ticketId());
        assertInvalidToken(decide(app.basic(), Audience.ADMIN_API, Api.USERS), app.token());
    }

    @Test
    void oldCredentialAfterItsRotationGraceIsInvalidToken() {
        Issued user = Tickets.issue(PrincipalKind.USER, ALL);
        Issued rotated = Tickets.addCredential(user, null);
        Tickets.endCredential(user.credentialId());
        assertInvalidToken(decide(user.bearer(), Audience.USER_API, Api.CONTACTS), user.token());
        decide(rotated.bearer(), Audience.USER_API, Api.CONTACTS).body("outcome", equalTo("ALLOW"));
    }

    @Test
    void userTokenPresentedAsBasicIsInvalidToken() {
        Issued user = Tickets.issue(PrincipalKind.USER, ALL);
        String secret = TokenFormat.newSecret();
        Tickets.remember(user.token(), secret);
        assertInvalidToken(decide(Issued.basic(user.token(), secret), Audience.USER_API, Api.CONTACTS), user.token());
    }

    @Test
    void applicationAndSuperuserTokensWithoutTheirSecretAreInvalidToken() {
        Issued app = Tickets.issue(PrincipalKind.APPLICATION, ALL);
        assertInvalidToken(decide(app.bearer(), Audience.ADMIN_API, Api.USERS), app.token());
        assertInvalidToken(decide(null, app.token(), Audience.ADMIN_API, Api.USERS), app.token());
        Issued su = Tickets.issue(PrincipalKind.SUPERUSER, ALL);
        assertInvalidToken(decide(su.bearer(), Audience.ADMIN_API, Api.USERS), su.token());
        // A valid Basic credential afterwards is still accepted: the refusals cached nothing.
        decide(app.basic(), Audience.ADMIN_API, Api.USERS).body("outcome", equalTo("ALLOW"));
    }

    @Test
    void openIdConnectTokensAreRefusedAsNotAccepted() {
        decide("Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", Audience.USER_API, Api.CONTACTS).statusCode(200)
                .body("outcome", equalTo("UNAUTHENTICATED"))
                .body("error", equalTo("invalid_token"))
                .body("description", equalTo("OpenID Connect tokens are not accepted by this installation"));
    }

    // --- 403 -----------------------------------------------------------------------------------------------------

    @Test
    void superuserCannotUseTheUserApi() {
        Issued su = Tickets.issue(PrincipalKind.SUPERUSER, ALL);
        assertInsufficientScope(decide(su.basic(), Audience.USER_API, Api.CONTACTS));
    }

    @Test
    void applicationWithoutTheApiIsForbidden() {
        Issued app = Tickets.issue(PrincipalKind.APPLICATION, Set.of(Api.TICKETS));
        assertInsufficientScope(decide(app.basic(), Audience.ADMIN_API, Api.USERS));
        decide(app.basic(), Audience.ADMIN_API, Api.TICKETS).body("outcome", equalTo("ALLOW"));
    }

    @Test
    void userCannotUseTheAdminApi() {
        Issued user = Tickets.issue(PrincipalKind.USER, ALL);
        assertInsufficientScope(decide(user.bearer(), Audience.ADMIN_API, Api.USERS));
    }

    @Test
    void userWithoutTheApiIsForbidden() {
        Issued user = Tickets.issue(PrincipalKind.USER, Set.of(Api.USERS));
        assertInsufficientScope(decide(user.bearer(), Audience.USER_API, Api.CONTACTS));
    }

    @Test
    void applicationCannotUseThePlatform() {
        Issued app = Tickets.issue(PrincipalKind.APPLICATION, ALL);
        assertInsufficientScope(decide(app.basic(), Audience.PLATFORM, null));
    }

    // --- the API itself ------------------------------------------------------------------------------------------

    @Test
    void aRequestWithoutAudienceIsABadRequest() {
        given().contentType(ContentType.JSON).accept(ContentType.JSON).body("{\"authorization\":null}")
                .post("/api/internal/v1/decisions").then().statusCode(400)
                .contentType("application/problem+json")
                .body("validationResult.field", hasItem("audience"));
    }

    @Test
    void anUnknownAudienceIsABadRequest() {
        given().contentType(ContentType.JSON).accept(ContentType.JSON).body("{\"audience\":\"EVERYONE\"}")
                .post("/api/internal/v1/decisions").then().statusCode(400)
                .body("validationResult.field", hasItem("audience"));
    }

    // --- freshness and the cache ---------------------------------------------------------------------------------

    @Test
    void aTicketCreatedAfterStartWorksOnItsVeryFirstRequest() {
        Issued first = Tickets.issue(PrincipalKind.USER, ALL);
        decide(first.bearer(), Audience.USER_API, Api.CONTACTS).body("outcome", equalTo("ALLOW"));
        Issued later = Tickets.issue(PrincipalKind.USER, ALL);
        decide(later.bearer(), Audience.USER_API, Api.CONTACTS).body("outcome", equalTo("ALLOW"))
                .body("principal.ticketId", equalTo(later.ticketId()));
    }

    @Test
    void aSecondDecisionForTheSameCredentialIsServedFromTheCache() {
        Issued app = Tickets.issue(PrincipalKind.APPLICATION, Set.of(Api.USERS));
        long before = store.lookups();
        decide(app.basic(), Audience.ADMIN_API, Api.USERS).body("outcome", equalTo("ALLOW"));
        assertThat(store.lookups()).isEqualTo(before + 1);
        // Different endpoints, same credential: the policy is applied to the cached principal, no new lookup.
        decide(app.basic(), Audience.ADMIN_API, Api.USERS).body("outcome", equalTo("ALLOW"));
        decide(app.basic(), Audience.ADMIN_API, Api.TICKETS).body("outcome", equalTo("FORBIDDEN"));
        decide(app.basic(), Audience.PLATFORM, null).body("outcome", equalTo("FORBIDDEN"));
        assertThat(store.lookups()).isEqualTo(before + 1);
        // Revoked in the database with no event: the cached entry still answers (bounded by the TTL, see CacheTtlTest).
        Tickets.revokeInDatabase(app.ticketId());
        decide(app.basic(), Audience.ADMIN_API, Api.USERS).body("outcome", equalTo("ALLOW"));
        assertThat(store.lookups()).isEqualTo(before + 1);
    }

    @Test
    void cacheSecondsNeverReachPastTheCredentialsExpiry() {
        Issued user = Tickets.issue(PrincipalKind.USER, ALL, Instant.now().plusSeconds(3));
        int seconds = decide(user.bearer(), Audience.USER_API, Api.CONTACTS).body("outcome", equalTo("ALLOW"))
                .extract().path("cacheSeconds");
        assertThat(seconds).isBetween(1, 3);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> "UNAUTHENTICATED".equals(
                        com.onecloud.auth.support.Decisions.outcome(user.bearer(), Audience.USER_API, Api.CONTACTS)));
    }

    @Test
    void decisionsAndCacheUseAreMeasured() {
        Issued user = Tickets.issue(PrincipalKind.USER, ALL);
        decide(user.bearer(), Audience.USER_API, Api.CONTACTS).body("outcome", equalTo("ALLOW"));
        decide(user.bearer(), Audience.USER_API, Api.CONTACTS).body("outcome", equalTo("ALLOW"));
        given().get("/api/internal/v1/nothing-here").then().statusCode(404);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("onecloud_auth_decisions_total{outcome=\"ALLOW\"")
                .contains("onecloud_auth_cache_requests_total{result=\"hit\"")
                .contains("onecloud_auth_credential_lookups_total")
                .contains("onecloud_auth_cache_size");
        // Other requests are timed; decisions are timed by their callers' decision clients, not here.
        assertThat(metrics).contains("http_server_requests_seconds_count{method=\"GET\"")
                .doesNotContain("uri=\"" + DecisionResource.PATH + "\"");
    }

    // --- the reader role -----------------------------------------------------------------------------------------

    @Test
    void theReaderRoleCanOnlyReadTheView() throws SQLException {
        Issued app = Tickets.issue(PrincipalKind.APPLICATION, ALL);
        try (Connection reader = DriverManager.getConnection(Tickets.jdbcUrl(), TicketDatabaseResource.READER,
                TicketDatabaseResource.READER_PASSWORD); Statement st = reader.createStatement()) {
            try (var rs = st.executeQuery("SELECT count(*) FROM auth_v1.credential")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isPositive();
            }
            assertThatThrownBy(() -> st.executeQuery("SELECT * FROM ticket")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> st.executeQuery("SELECT * FROM public.credential"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            // The view is not updatable at all, and the role holds no write privilege on it should that ever change.
            assertThatThrownBy(() -> st.executeUpdate("UPDATE auth_v1.credential SET revoked = false"
                    + " WHERE ticket_id = '" + app.ticketId() + "'")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM auth_v1.credential"))
                    .isInstanceOf(SQLException.class);
            try (var rs = st.executeQuery("SELECT has_table_privilege('auth_v1.credential', 'UPDATE'),"
                    + " has_table_privilege('auth_v1.credential', 'INSERT'),"
                    + " has_table_privilege('auth_v1.credential', 'DELETE'),"
                    + " has_table_privilege('public.ticket', 'UPDATE'),"
                    + " has_schema_privilege('auth_v1', 'CREATE'), has_schema_privilege('public', 'CREATE')")) {
                assertThat(rs.next()).isTrue();
                for (int column = 1; column <= 6; column++) {
                    assertThat(rs.getBoolean(column)).as("privilege " + column).isFalse();
                }
            }
            assertThatThrownBy(() -> st.executeUpdate("CREATE TABLE auth_v1.sneaky (id int)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
    }

    private static void assertInvalidToken(ValidatableResponse response, String token) {
        String description = response.statusCode(200)
                .body("outcome", equalTo("UNAUTHENTICATED"))
                .body("error", equalTo("invalid_token"))
                .body("principal", nullValue())
                .body("cacheSeconds", equalTo(0))
                .extract().path("description");
        assertThat(description).isNotBlank().doesNotContain(token).doesNotContain("oc_");
    }

    private static void assertInsufficientScope(ValidatableResponse response) {
        response.statusCode(200)
                .body("outcome", equalTo("FORBIDDEN"))
                .body("error", equalTo("insufficient_scope"))
                .body("principal", nullValue());
    }
}
