package com.onecloud.auth.decision;

import static com.onecloud.auth.support.Decisions.decide;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.access.Audience;
import com.onecloud.access.credential.TokenFormat;
import com.onecloud.auth.support.CapturedLog;
import com.onecloud.auth.support.Tickets;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * With the credential database unreachable no decision can be made: 503 with Retry-After, never 500 and never an
 * ALLOW. What needs no database (no credential, a malformed one) is still decided.
 */
@QuarkusTest
@TestProfile(DatabaseDownProfile.class)
class DatabaseDownTest {

    @AfterAll
    static void noCredentialWasLogged() {
        CapturedLog.assertNoIssuedCredential("Credential lookup failed");
    }

    @Test
    void aWellFormedCredentialGets503WithRetryAfter() {
        String token = TokenFormat.newToken(TokenFormat.newId());
        String secret = TokenFormat.newSecret();
        Tickets.remember(token, secret);
        decide("Bearer " + token, Audience.USER_API, Api.CONTACTS).statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "7")
                .header("Warning", containsString("703 auth-service"))
                .body("status", equalTo(503))
                .body("detail", not(containsString(token)));
        decide(Tickets.Issued.basic(token, secret), Audience.ADMIN_API, Api.USERS).statusCode(503)
                .header("Retry-After", "7");
    }

    @Test
    void whatNeedsNoDatabaseIsStillDecided() {
        decide(null, null, Audience.USER_API, Api.CONTACTS).statusCode(200).body("outcome", equalTo("UNAUTHENTICATED"));
        decide("Bearer oc_truncated", Audience.USER_API, Api.CONTACTS).statusCode(200)
                .body("outcome", equalTo("UNAUTHENTICATED")).body("error", equalTo("invalid_token"));
    }

    @Test
    void readinessReportsTheDatabaseDown() {
        given().get("/q/health/ready").then().statusCode(503);
        given().get("/q/health/live").then().statusCode(200);
    }

}
