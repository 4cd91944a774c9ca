package com.onecloud.ticket.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.access.credential.TokenFormat;
import com.onecloud.testsupport.AuthServiceDouble;
import com.onecloud.testsupport.EmbeddedKafkaResource;
import com.onecloud.testsupport.TicketDatabase;
import com.onecloud.ticket.support.Callers;
import com.onecloud.ticket.support.Callers.Caller;
import com.onecloud.ticket.support.Db;
import com.onecloud.ticket.support.IssuedCredentials;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Self-service: a user's own Bearer tokens, never with more APIs than the presenting token (rule 6). */
@QuarkusTest
@QuarkusTestResource(TicketDatabase.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(AuthServiceDouble.class)
class UserTokensTest {

    private static final String BASE = "/api/user/v1/tickets";

    @Test
    void aUserCreatesListsAndRevokesOwnTokensWithinItsOwnApis() {
        String org = Callers.newOrganization();
        Caller gina = Callers.user(org, "gina", Api.CONTACTS, Api.USERS);

        Response created = gina.json().contentType("application/json")
                .body(Map.of("name", "laptop", "apis", List.of("CONTACTS"))).post(BASE);
        created.then().statusCode(201)
                .header("Location", endsWith(BASE + "/" + created.jsonPath().getString("id")))
                .body("kind", equalTo("USER")).body("userId", equalTo("gina"))
                .body("organizationId", equalTo(org)).body("apis", contains("CONTACTS"))
                .body("$", not(hasKey("secret")));
        JsonPath body = created.jsonPath();
        IssuedCredentials.remember(body.getString("token"), null);
        assertThat(TokenFormat.credentialId(body.getString("token"))).isPresent();
        String id = body.getString("id");

        // Escalation: CONTACTS+TICKETS when the presenting token has no TICKETS.
        gina.json().contentType("application/json")
                .body(Map.of("name", "greedy", "apis", List.of("CONTACTS", "TICKETS"))).post(BASE)
                .then().statusCode(403);
        assertThat(Db.count("SELECT count(*) FROM ticket WHERE user_id = 'gina' AND organization_id = ?", org))
                .isEqualTo(1);
        // A user cannot choose the kind or another user.
        gina.json().contentType("application/json")
                .body(Map.of("name", "x", "apis", List.of("CONTACTS"), "userId", "harry")).post(BASE)
                .then().statusCode(400).body("validationResult.field", hasItem("userId"));

        // XML works too.
        gina.xml().contentType("application/xml")
                .body("<ticket><name>phone</name><apis><api>USERS</api></apis></ticket>").post(BASE)
                .then().statusCode(201).contentType("application/xml");

        gina.json().get(BASE).then().statusCode(200).body("total", equalTo(2))
                .body("items.userId", contains("gina", "gina")).body("items[0]", not(hasKey("token")));

        // Another user of the same organization sees none of them and cannot revoke them.
        Caller harry = Callers.user(org, "harry", Api.CONTACTS);
        harry.json().get(BASE).then().statusCode(200).body("total", equalTo(0));
        harry.json().delete(BASE + "/" + id).then().statusCode(404);

        gina.json().delete(BASE + "/" + id).then().statusCode(204);
        gina.json().delete(BASE + "/" + id).then().statusCode(204);
        gina.json().get(BASE + "/" + id).then().statusCode(200).body("status", equalTo("REVOKED"));
    }

    @Test
    void aTokenNeverOutlivesTheCredentialThatMadeIt() {
        String org = Callers.newOrganization();
        // E.g. an OpenID Connect JWT valid for five more minutes.
        Instant end = Instant.now().plus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Caller kim = Callers.user(org, "kim", end, Api.CONTACTS);

        // Without expiresAt: it ends with the presenting credential, not after the default year.
        JsonPath made = kim.json().contentType("application/json")
                .body(Map.of("name", "default", "apis", List.of("CONTACTS"))).post(BASE)
                .then().statusCode(201).extract().jsonPath();
        IssuedCredentials.remember(made.getString("token"), null);
        assertThat(Instant.parse(made.getString("expiresAt"))).isEqualTo(end);
        assertThat(Db.rows("SELECT expires_at FROM auth_v1.credential WHERE ticket_id = ?", made.getString("id")))
                .extracting(row -> ((Timestamp) row.get("expires_at")).toInstant()).containsExactly(end);

        // Asking for more than the presenting credential has is refused, and nothing is issued.
        kim.json().contentType("application/json").body(Map.of("name", "greedy", "apis", List.of("CONTACTS"),
                "expiresAt", end.plus(1, ChronoUnit.HOURS).toString())).post(BASE)
                .then().statusCode(400).body("validationResult.field", contains("expiresAt"))
                .body("validationResult.message", contains("expiresAt must not be later than the end of the "
                        + "presenting credential, " + end + "."));
        // Within it is granted as asked.
        Instant sooner = end.minus(1, ChronoUnit.MINUTES);
        JsonPath shorter = kim.json().contentType("application/json").body(Map.of("name", "sooner",
                "apis", List.of("CONTACTS"), "expiresAt", sooner.toString())).post(BASE)
                .then().statusCode(201).extract().jsonPath();
        IssuedCredentials.remember(shorter.getString("token"), null);
        assertThat(Instant.parse(shorter.getString("expiresAt"))).isEqualTo(sooner);
        assertThat(Db.count("SELECT count(*) FROM ticket WHERE organization_id = ? AND user_id = 'kim'", org))
                .isEqualTo(2);
    }

    @Test
    void onlyUsersUseTheSelfServiceApi() {
        Caller app = Callers.application(Callers.newOrganization(), Api.TICKETS, Api.CONTACTS);
        app.json().get(BASE).then().statusCode(403);
        app.json().contentType("application/json").body(Map.of("name", "x", "apis", List.of("CONTACTS")))
                .post(BASE).then().statusCode(403);
    }
}
