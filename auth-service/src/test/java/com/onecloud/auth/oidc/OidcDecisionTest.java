package com.onecloud.auth.oidc;

import static com.onecloud.auth.oidc.TestJwts.KEY;
import static com.onecloud.auth.oidc.TestJwts.OTHER_KEY;
import static com.onecloud.auth.oidc.TestJwts.sign;
import static com.onecloud.auth.oidc.TestJwts.superuser;
import static com.onecloud.auth.oidc.TestJwts.user;
import static com.onecloud.auth.support.Decisions.decide;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;

/**
 * Contract §2: signed JWTs of the configured OpenID Connect provider, issued for the platform's audience, map to USER
 * principals (SUPERUSER only where allowed: {@link OidcSuperuserTest}).
 */
@QuarkusTest
@TestProfile(OidcProfile.class)
@QuarkusTestResource(TicketDatabaseResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
class OidcDecisionTest {

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
    void aUserTokenIsAllowedAsThatUser() {
        long exp = Instant.now().plusSeconds(600).getEpochSecond();
        String jwt = sign(user("alice").expiresAt(exp), KEY);
        decide("Bearer " + jwt, Audience.USER_API, Api.CONTACTS).statusCode(200)
                .body("outcome", equalTo("ALLOW"))
                .body("principal.kind", equalTo("USER"))
                .body("principal.subject", equalTo("alice"))
                .body("principal.ticketId", nullValue())
                .body("principal.organizationId", equalTo("org-1"))
                .body("principal.userId", equalTo("user-alice"))
                .body("principal.apis", containsInAnyOrder("CONTACTS"))
                .body("principal.expiresAt", equalTo(Instant.ofEpochSecond(exp).toString()))
                .body("cacheSeconds", allOf(greaterThan(0), lessThanOrEqualTo(30)));
        assertInsufficientScope(decide("Bearer " + jwt, Audience.ADMIN_API, Api.USERS));
    }

    @Test
    void aUserTokenOfAnOrganizationWithoutTheUserApiIsRefusedNamingIt() {
        Tickets.activate("org-off", true, false, 1);
        String jwt = sign(user("olga").claim("onecloud_org", "org-off"), KEY);
        decide("Bearer " + jwt, Audience.USER_API, Api.CONTACTS).statusCode(200)
                .body("outcome", equalTo("FORBIDDEN")).body("description", containsString("User API"));
    }

    @Test
    void aSuperuserTokenIsRefusedUnlessTheConfigurationAllowsIt() {
        assertInvalidToken(sign(superuser(), KEY));
    }

    @Test
    void aTokenForAnotherAudienceOrForNoneIsRefused() {
        assertInvalidToken(sign(user("x").audience("another-application"), KEY));
        assertInvalidToken(sign(Jwt.issuer(OidcProfile.ISSUER).subject("x").claim("onecloud_kind", "USER")
                .claim("onecloud_org", "org-1").claim("onecloud_user", "u").claim("onecloud_apis", List.of("CONTACTS"))
                .expiresIn(600), KEY));
    }

    @Test
    void aTokenWithoutTheApiIsForbidden() {
        String jwt = sign(user("bob").claim("onecloud_apis", List.of("USERS")), KEY);
        assertInsufficientScope(decide("Bearer " + jwt, Audience.USER_API, Api.CONTACTS));
    }

    @Test
    void invalidTokensAreRefused() {
        assertInvalidToken(sign(user("x"), OTHER_KEY));
        assertInvalidToken(sign(user("x").expiresAt(Instant.now().minusSeconds(3600).getEpochSecond()), KEY));
        assertInvalidToken(sign(Jwt.issuer("https://evil.example").audience(OidcProfile.AUDIENCE).subject("x").claim("onecloud_kind", "USER")
                .claim("onecloud_org", "org-1").claim("onecloud_user", "u").expiresIn(600), KEY));
        String valid = sign(user("x"), KEY);
        assertInvalidToken(valid.substring(0, valid.length() - 4) + "AAAA");
    }

    @Test
    void tokensWithUnusableClaimsAreRefused() {
        assertInvalidToken(sign(user("x").claim("onecloud_kind", "APPLICATION"), KEY));
        assertInvalidToken(sign(Jwt.issuer(OidcProfile.ISSUER).audience(OidcProfile.AUDIENCE).subject("x").claim("onecloud_org", "org-1")
                .claim("onecloud_user", "u").expiresIn(600), KEY));
        assertInvalidToken(sign(Jwt.issuer(OidcProfile.ISSUER).audience(OidcProfile.AUDIENCE).subject("x").claim("onecloud_kind", "USER")
                .claim("onecloud_user", "u").expiresIn(600), KEY));
    }

    @Test
    void oneCloudTicketsStillWork() {
        Issued app = Tickets.issue(PrincipalKind.APPLICATION, Set.of(Api.USERS));
        decide(app.basic(), Audience.ADMIN_API, Api.USERS).body("outcome", equalTo("ALLOW"));
    }

    private static void assertInvalidToken(String jwt) {
        decide("Bearer " + jwt, Audience.USER_API, Api.CONTACTS).statusCode(200)
                .body("outcome", equalTo("UNAUTHENTICATED"))
                .body("error", equalTo("invalid_token"))
                .body("principal", nullValue());
    }

    private static void assertInsufficientScope(ValidatableResponse response) {
        response.statusCode(200).body("outcome", equalTo("FORBIDDEN")).body("error", equalTo("insufficient_scope"));
        assertThat(response.extract().<String>path("description")).doesNotContain("eyJ");
    }
}
