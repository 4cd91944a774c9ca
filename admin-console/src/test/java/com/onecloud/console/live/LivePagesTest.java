package com.onecloud.console.live;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.onecloud.console.session.Session;
import com.onecloud.console.session.Session.Credential;
import com.onecloud.console.session.SessionCodec;
import com.onecloud.console.session.SessionCookie;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A list's live relay without any API behind it (the console's URLs point at a closed port): what it tells a page,
 * and that neither it nor the reads it triggers put off the idle sign-out. The relay of a real subscription is
 * {@code ConsoleIT}'s.
 */
@QuarkusTest
class LivePagesTest {

    @ConfigProperty(name = "onecloud.console.session.key")
    String key;

    @Test
    void withoutASessionTheRelayTellsThePageAtOnce() {
        given().get("/live/organizations").then().statusCode(200)
                .contentType("text/event-stream")
                .body(containsString("event:unauthorized"));
    }

    @Test
    void anApiThatDoesNotAnswerEndsTheRelayWithUnavailable() {
        String body = given().cookie(SessionCookie.NAME, signedIn(now())).get("/live/organizations/o1/tickets")
                .then().statusCode(200).extract().asString();
        assertThat(body).contains("event:unavailable").doesNotContain("event:unauthorized");
    }

    @Test
    void neitherTheRelayNorTheReadsItTriggersWriteTheSession() {
        // Not the person's activity, so no renewed last-seen time; and a read still running when the person has moved
        // on must not write an older session over the newer one.
        String session = signedIn(now() - 600);
        assertThat(given().cookie(SessionCookie.NAME, session).get("/live/organizations").cookie(SessionCookie.NAME))
                .isNull();
        assertThat(given().redirects().follow(false).header(SessionCookie.REFRESH_HEADER, "live")
                .cookie(SessionCookie.NAME, session).get("/organizations").cookie(SessionCookie.NAME)).isNull();
        // The person's own read does.
        Response read = given().redirects().follow(false).cookie(SessionCookie.NAME, session).get("/organizations");
        assertThat(lastSeen(read)).isGreaterThanOrEqualTo(now() - 5);
    }

    private long lastSeen(Response response) {
        String cookie = response.cookie(SessionCookie.NAME);
        assertThat(cookie).as("the session cookie written back").isNotNull();
        return new SessionCodec(key).open(cookie).orElseThrow().lastSeen();
    }

    private String signedIn(long lastSeen) {
        Session session = Session.anonymous(lastSeen).signIn(Credential.ticket("oc_t", "s", "SUPERUSER", null),
                lastSeen);
        return new SessionCodec(key).seal(session);
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }
}
