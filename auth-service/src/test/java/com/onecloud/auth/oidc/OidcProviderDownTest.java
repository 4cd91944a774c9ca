package com.onecloud.auth.oidc;

import static com.onecloud.auth.oidc.TestJwts.KEY;
import static com.onecloud.auth.oidc.TestJwts.sign;
import static com.onecloud.auth.oidc.TestJwts.user;
import static com.onecloud.auth.support.Decisions.decide;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.access.Audience;
import com.onecloud.access.PrincipalKind;
import com.onecloud.auth.support.CapturedLog;
import com.onecloud.auth.support.TicketDatabaseResource;
import com.onecloud.auth.support.Tickets;
import com.onecloud.auth.support.Tickets.Issued;
import com.onecloud.testsupport.EmbeddedKafkaResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * With the provider's key endpoint unreachable a JWT cannot be checked at all: 503 with Retry-After (the caller
 * refuses the request), never an ALLOW, never a 500, and not a 401 either (the token may well be good).
 */
@QuarkusTest
@TestProfile(OidcProviderDownProfile.class)
@QuarkusTestResource(TicketDatabaseResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
class OidcProviderDownTest {

    @AfterAll
    static void noCredentialWasLogged() {
        CapturedLog.assertNoIssuedCredential("OpenID Connect verification failed");
    }

    @Test
    void aJwtGets503WithRetryAfter() {
        String jwt = sign(user("dave"), KEY);
        decide("Bearer " + jwt, Audience.USER_API, Api.CONTACTS).statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("status", equalTo(503))
                .body("detail", not(containsString(jwt)));
    }

    @Test
    void oneCloudTicketsDoNotDependOnTheProvider() {
        Issued app = Tickets.issue(PrincipalKind.APPLICATION, Set.of(Api.USERS));
        decide(app.basic(), Audience.ADMIN_API, Api.USERS).statusCode(200).body("outcome", equalTo("ALLOW"));
    }
}
