package com.onecloud.ticket.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.testsupport.AuthServiceDouble;
import com.onecloud.testsupport.EmbeddedKafkaResource;
import com.onecloud.testsupport.EventStream;
import com.onecloud.testsupport.EventStream.Event;
import com.onecloud.testsupport.TicketDatabase;
import com.onecloud.ticket.support.Callers;
import com.onecloud.ticket.support.Callers.Caller;
import com.onecloud.ticket.support.IssuedCredentials;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * An organization's tickets as a live stream (contract §4, "Subscriptions"): created, rotated, revoked and expired,
 * each with the ticket as the API shows it (never a token or secret); the stream ends when its own credential does.
 */
@QuarkusTest
@QuarkusTestResource(TicketDatabase.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(AuthServiceDouble.class)
class TicketSubscriptionTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TestHTTPResource("/api/admin/v1/organizations/")
    URL organizations;

    @Test
    void subscribersSeeEachTicketCreatedRotatedRevokedAndExpiredWithoutItsCredential() {
        String org = Callers.newOrganization();
        Caller admin = Callers.application(org, Api.TICKETS);
        String base = "/api/admin/v1/organizations/" + org + "/tickets";
        try (EventStream stream = open(org, admin)) {
            assertThat(stream.status()).isEqualTo(200);
            JsonPath rotating = create(admin, base, Map.of("name", "rotating", "kind", "APPLICATION",
                    "apis", List.of("USERS")));
            String rotatingId = rotating.getString("id");
            JsonPath rotated = admin.json().contentType("application/json").body(Map.of("graceSeconds", 0))
                    .post(base + "/" + rotatingId + "/rotation").then().statusCode(200).extract().jsonPath();
            IssuedCredentials.remember(rotated.getString("token"), rotated.getString("secret"));
            admin.json().delete(base + "/" + rotatingId).then().statusCode(204);
            String expiring = create(admin, base, Map.of("name", "short-lived", "kind", "USER", "userId", "u1",
                    "apis", List.of("CONTACTS"), "expiresAt", Instant.now().plusSeconds(2).toString())).getString("id");

            List<Event> events = stream.next(5, WAIT);
            assertThat(events).extracting(Event::name)
                    .containsExactly("created", "rotated", "revoked", "created", "expired");
            assertThat(events).extracting(Event::itemId)
                    .containsExactly(rotatingId, rotatingId, rotatingId, expiring, expiring);
            assertThat(events.get(2).json().path("item").path("status").asText()).isEqualTo("REVOKED");
            assertThat(events.get(4).json().path("item").path("status").asText()).isEqualTo("EXPIRED");
            for (Event event : events) {
                assertThat(event.json().path("item").has("token")).isFalse();
                assertThat(event.json().path("item").has("secret")).isFalse();
                IssuedCredentials.all().forEach(secret -> assertThat(event.data()).doesNotContain(secret));
            }
        }
    }

    @Test
    void aStreamEndsWithUnauthorizedWhenItsCredentialExpires() {
        String org = Callers.newOrganization();
        Instant expiresAt = Instant.now().plusSeconds(2);
        Caller shortLived = Callers.application(org, expiresAt, Api.TICKETS);
        try (EventStream stream = open(org, shortLived)) {
            assertThat(stream.status()).isEqualTo(200);
            Event told = stream.next(1, WAIT).get(0);
            assertThat(told.name()).isEqualTo("unauthorized");
            assertThat(told.json().path("detail").asText()).contains("expired");
            assertThat(Duration.between(expiresAt, Instant.now())).isLessThan(Duration.ofSeconds(1));
            assertThat(stream.next(WAIT)).isEqualTo(EventStream.END);
        }
    }

    @Test
    void anotherOrganizationsTicketsReadAsMissing() {
        Caller stranger = Callers.application(Callers.newOrganization(), Api.TICKETS);
        try (EventStream refused = open(Callers.newOrganization(), stranger)) {
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.body()).contains("logToken");
        }
        Caller withoutTickets = Callers.application(Callers.newOrganization(), Api.USERS);
        try (EventStream refused = open(Callers.newOrganization(), withoutTickets)) {
            assertThat(refused.status()).isEqualTo(403);
        }
    }

    private EventStream open(String org, Caller caller) {
        return EventStream.open(organizations + org + "/tickets", Map.of("Authorization", caller.authorization()));
    }

    private static JsonPath create(Caller admin, String base, Map<String, Object> body) {
        JsonPath created = admin.json().contentType("application/json").body(body).post(base).then().statusCode(201)
                .extract().jsonPath();
        IssuedCredentials.remember(created.getString("token"), created.getString("secret"));
        return created;
    }
}
