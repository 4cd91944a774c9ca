package com.onecloud.console.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.onecloud.console.session.Session;
import com.onecloud.console.session.Session.Credential;
import com.onecloud.console.session.SessionCodec;
import com.onecloud.console.session.SessionCookie;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The console's own protections, without any API behind it (its URLs point at a closed port): headers, the cookie's
 * attributes, CSRF refusals before anything is sent, the idle sign-out, and an unreachable API as a readable page.
 */
@QuarkusTest
class ConsoleSecurityTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @ConfigProperty(name = "onecloud.console.session.key")
    String key;

    @Test
    void pagesForbidInlineScriptAndFramingAndTheCookieIsHttpOnlyAndStrict() {
        Response page = given().redirects().follow(false).get("/sign-in");
        page.then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store");
        String setCookie = page.header("Set-Cookie");
        assertThat(setCookie).startsWith(SessionCookie.NAME + "=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict");
        assertThat(page.asString()).doesNotContain("<script>").doesNotContain("onclick=");
    }

    @Test
    void aFormWithoutThisSessionsCsrfTokenIsRefusedBeforeAnythingIsSent() {
        Response page = given().get("/sign-in");
        String cookie = page.cookie(SessionCookie.NAME);
        given().cookie(SessionCookie.NAME, cookie).formParam("token", "oc_x").formParam("secret", "y")
                .post("/sign-in").then().statusCode(403).body(containsString("CSRF"));
        given().cookie(SessionCookie.NAME, cookie).formParam("csrf", "forged").formParam("token", "oc_x")
                .post("/sign-in").then().statusCode(403);
        // Another session's token is worth nothing here.
        String otherCsrf = csrf(given().get("/sign-in").asString());
        given().cookie(SessionCookie.NAME, cookie).formParam("csrf", otherCsrf).post("/sign-in").then()
                .statusCode(403);
        // Signed in, a change without the token is refused too: 403, not the 502 that sending it would give.
        given().cookie(SessionCookie.NAME, signedIn(Instant.now().getEpochSecond()))
                .formParam("name", "Acme").post("/organizations").then().statusCode(403);
    }

    @Test
    void withoutASessionAPageSendsTheBrowserToSignIn() {
        given().redirects().follow(false).get("/organizations").then().statusCode(303)
                .header("Location", endsWith("/sign-in"));
    }

    @Test
    void aSessionIdleForMoreThanFifteenMinutesIsSignedOutWithTheReason() {
        long sixteenMinutesAgo = Instant.now().minusSeconds(16 * 60).getEpochSecond();
        Response answer = given().redirects().follow(false)
                .cookie(SessionCookie.NAME, signedIn(sixteenMinutesAgo)).get("/organizations");
        answer.then().statusCode(303).header("Location", endsWith("/sign-in"));
        given().cookie(SessionCookie.NAME, answer.cookie(SessionCookie.NAME)).get("/sign-in").then()
                .statusCode(200).body(containsString("You were signed out after 15 minutes without activity"));
    }

    @Test
    void anApiThatDoesNotAnswerIsAReadablePageNotARawError() {
        given().redirects().follow(false).cookie(SessionCookie.NAME, signedIn(Instant.now().getEpochSecond()))
                .get("/organizations").then().statusCode(502)
                .body(containsString("resource-service did not answer"))
                .body(not(containsString("Exception")));
    }

    @Test
    void aSignInThatCannotBeCheckedSaysSoOnTheSignInPage() {
        Response page = given().get("/sign-in");
        given().redirects().follow(false).cookie(SessionCookie.NAME, page.cookie(SessionCookie.NAME))
                .formParam("csrf", csrf(page.asString())).formParam("token", "").formParam("secret", "")
                .post("/sign-in").then().statusCode(303).header("Location", endsWith("/sign-in"));
    }

    @Test
    void withTheProviderOffTheSignInPageOffersNoneAndItsPathIsNotThere() {
        given().get("/sign-in").then().statusCode(200).body(not(containsString("sign-in-provider")))
                .body(not(containsString("/sign-in/oidc")));
        given().redirects().follow(false).get("/sign-in/oidc").then().statusCode(404);
    }

    @Test
    void aProviderSignInWhoseAccessTokenHasExpiredIsSignedOutBeforeAnyApiIsAsked() {
        long now = Instant.now().getEpochSecond();
        Session session = Session.anonymous(now).signIn(Credential.bearer("a.b.c", "USER", now - 1,
                List.of("CONTACTS")), now);
        Response answer = given().redirects().follow(false)
                .cookie(SessionCookie.NAME, new SessionCodec(key).seal(session)).get("/organizations");
        answer.then().statusCode(303).header("Location", endsWith("/sign-in"));
        given().cookie(SessionCookie.NAME, answer.cookie(SessionCookie.NAME)).get("/sign-in").then()
                .statusCode(200).body(containsString("access token expired"));
    }

    @Test
    void aCopyOfASignedOutSessionsCookieOpensNoPage() {
        long now = Instant.now().getEpochSecond();
        Session session = Session.anonymous(now).signIn(Credential.ticket("oc_t", "s", "SUPERUSER", null), now);
        String cookie = new SessionCodec(key).seal(session);
        given().redirects().follow(false).cookie(SessionCookie.NAME, cookie).formParam("csrf", session.csrf())
                .post("/sign-out").then().statusCode(303).header("Location", endsWith("/sign-in"));
        // Before the sign-out this cookie reached the (closed) API and got 502; now it is not signed in at all.
        given().redirects().follow(false).cookie(SessionCookie.NAME, cookie).get("/organizations").then()
                .statusCode(303).header("Location", endsWith("/sign-in"));
    }

    private String signedIn(long lastSeen) {
        Session session = Session.anonymous(lastSeen).signIn(Credential.ticket("oc_t", "s", "SUPERUSER", null),
                lastSeen);
        return new SessionCodec(key).seal(session);
    }

    private static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF field in the page").isTrue();
        return matcher.group(1);
    }
}
