package com.onecloud.auth.oidc;

import static com.onecloud.auth.oidc.TestJwts.KEY;
import static com.onecloud.auth.oidc.TestJwts.OTHER_KEY;
import static com.onecloud.auth.oidc.TestJwts.sign;
import static com.onecloud.auth.oidc.TestJwts.user;
import static com.onecloud.auth.support.Decisions.decide;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.access.Audience;
import com.onecloud.auth.support.CapturedLog;
import com.onecloud.auth.support.TicketDatabaseResource;
import com.onecloud.auth.support.Tickets;
import com.onecloud.testsupport.EmbeddedKafkaResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** With the keys fetched from the provider's key endpoint (jwks-path) rather than configured. */
@QuarkusTest
@TestProfile(OidcJwksProfile.class)
@QuarkusTestResource(TicketDatabaseResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
class OidcProviderKeysTest {

    /** The organization of the test JWTs, with both APIs activated (contract §3, rule 7). */
    @BeforeAll
    static void activated() {
        Tickets.activate("org-1", true, true, 0);
    }

    @AfterAll
    static void noCredentialWasLogged() {
        CapturedLog.assertNoIssuedCredential("Refused an OpenID Connect token");
    }

    @Test
    void aTokenSignedWithTheProvidersKeyIsAllowed() {
        decide("Bearer " + sign(user("carol"), KEY), Audience.USER_API, Api.CONTACTS).statusCode(200)
                .body("outcome", equalTo("ALLOW"))
                .body("principal.subject", equalTo("carol"));
    }

    @Test
    void aTokenSignedWithAnyOtherKeyIsRefused() {
        decide("Bearer " + sign(user("mallory"), OTHER_KEY), Audience.USER_API, Api.CONTACTS).statusCode(200)
                .body("outcome", equalTo("UNAUTHENTICATED"))
                .body("error", equalTo("invalid_token"));
    }
}
