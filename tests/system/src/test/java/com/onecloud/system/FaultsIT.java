package com.onecloud.system;

import static com.onecloud.system.Clients.app;
import static com.onecloud.system.Clients.platform;
import static com.onecloud.system.Clients.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.onecloud.access.credential.TokenFormat;
import com.onecloud.platform.Platform;
import com.onecloud.system.Clients.AppTicket;
import com.onecloud.system.Clients.UserToken;

/**
 * Faults of the backing parts, with the real processes: the decision point dies and returns, Kafka stops and returns,
 * PostgreSQL restarts. Runs after the other system tests, since it disturbs the shared platform.
 */
@Order(8)
class FaultsIT {

    @Test
    void withoutTheDecisionPointNothingIsLetThroughAndServiceResumesWhenItReturns() {
        String resource = platform().resourceUrl();
        String org = Clients.newOrganization("Faults " + UUID.randomUUID());
        AppTicket admin = Clients.newApplication(org, "USERS", "TICKETS");
        UserToken fresh = Clients.newUserToken(admin, org, "fault-user", "CONTACTS");

        platform().kill(Platform.AUTH);
        try {
            for (String credential : List.of(fresh.token(), TokenFormat.newToken(TokenFormat.newId()))) {
                long started = System.nanoTime();
                user(resource, credential).get("/api/user/v1/contacts").then().statusCode(503)
                        .header("Retry-After", notNullValue());
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            }
            user(platform().ticketUrl(), fresh.token()).get("/api/user/v1/tickets").then().statusCode(503);
        } finally {
            platform().restart(Platform.AUTH);
        }
        // The others were not restarted; once the circuit breaker closes again, they decide as before.
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).until(() ->
                user(resource, fresh.token()).get("/api/user/v1/contacts").statusCode() == 200);
    }

    @Test
    void withKafkaDownRevocationsSucceedAndBiteWithinTheCacheLifetime() throws Exception {
        String resource = platform().resourceUrl();
        String org = Clients.newOrganization("Kafka down " + UUID.randomUUID());
        AppTicket admin = Clients.newApplication(org, "USERS", "TICKETS");
        UserToken token = Clients.newUserToken(admin, org, "kafka-down-user", "CONTACTS");
        user(resource, token.token()).get("/api/user/v1/contacts").then().statusCode(200);

        platform().stopKafka();
        try {
            app(platform().ticketUrl(), admin)
                    .delete("/api/admin/v1/organizations/" + org + "/tickets/" + token.ticketId())
                    .then().statusCode(204);
            long revoked = System.nanoTime();
            // No event can arrive: the cached decision dies with its age, never later than the cache lifetime.
            Awaitility.await().atMost(RunningPlatform.CACHE_TTL.plusSeconds(2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> user(resource, token.token()).get("/api/user/v1/contacts").statusCode() == 401);
            assertThat(Duration.ofNanos(System.nanoTime() - revoked))
                    .isLessThan(RunningPlatform.CACHE_TTL.plusSeconds(2));
        } finally {
            platform().startKafka();
        }
        // The revocation made while Kafka was down is published once it is back.
        Events.await(token.ticketId(), Events.REVOKED, Duration.ofSeconds(60));
    }

    @Test
    void servicesRecoverByThemselvesAfterPostgresRestarts() {
        String org = Clients.newOrganization("Postgres restart " + UUID.randomUUID());
        AppTicket admin = Clients.newApplication(org, "USERS", "TICKETS");

        platform().restartPostgres();

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                app(platform().resourceUrl(), admin).get("/api/admin/v1/organizations/" + org + "/users")
                        .statusCode() == 200);
        UserToken token = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> Clients.newUserToken(admin, org, "after-restart", "CONTACTS"),
                        t -> t != null);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                user(platform().resourceUrl(), token.token()).contentType("application/json")
                        .body(Map.of("firstName", "Recovered")).post("/api/user/v1/contacts").statusCode() == 201);
    }
}
