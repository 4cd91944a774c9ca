package com.onecloud.ticket.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.onecloud.access.Api;
import com.onecloud.access.credential.TokenFormat;
import com.onecloud.testsupport.AuthServiceDouble;
import com.onecloud.testsupport.EmbeddedKafkaResource;
import com.onecloud.testsupport.TicketDatabase;
import com.onecloud.ticket.support.Callers;
import com.onecloud.ticket.support.Callers.Caller;
import com.onecloud.ticket.support.Db;
import com.onecloud.ticket.support.IssuedCredentials;
import com.onecloud.ticket.support.TopicReader;
import com.onecloud.ticket.support.TopicReader.Event;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Revocation and rotation, and the events they publish through the outbox. */
@QuarkusTest
@QuarkusTestResource(TicketDatabase.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(AuthServiceDouble.class)
class RevocationTest {

    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(20);

    private String org;
    private Caller admin;
    private String base;

    @BeforeEach
    void setUp() {
        org = Callers.newOrganization();
        admin = Callers.application(org, Api.TICKETS);
        base = "/api/admin/v1/organizations/" + org + "/tickets";
    }

    private JsonPath create(Map<String, Object> body) {
        JsonPath created = admin.json().contentType("application/json").body(body).post(base).then().statusCode(201)
                .extract().jsonPath();
        IssuedCredentials.remember(created.getString("token"), created.getString("secret"));
        return created;
    }

    private static java.util.function.Predicate<Event> revokedEventOf(String ticketId) {
        return e -> e.type().equals("onecloud.ticket.revoked.v1") && ticketId.equals(e.key());
    }

    @Test
    void revokeIsIdempotentKeepsTheRecordAndPublishesOneEventOfTheContractShape() {
        JsonPath ticket = create(Map.of("name", "bob's phone", "kind", "USER", "userId", "bob",
                "apis", List.of("CONTACTS")));
        String id = ticket.getString("id");

        long started = System.nanoTime();
        admin.json().delete(base + "/" + id).then().statusCode(204);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        admin.json().delete(base + "/" + id).then().statusCode(204);
        // Also through the method override, as the contract's clients do.
        admin.json().header("X-HTTP-Method-Override", "DELETE").post(base + "/" + id).then().statusCode(204);

        String revokedAt = admin.json().get(base + "/" + id).then().statusCode(200)
                .body("status", equalTo("REVOKED")).body("revokedAt", notNullValue())
                .body("name", equalTo("bob's phone")).body("$", not(hasKey("token")))
                .extract().path("revokedAt");
        assertThat(Db.rows("SELECT revoke_reason FROM ticket WHERE id = ?", id).get(0).get("revoke_reason"))
                .isEqualTo("REVOKED");
        assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE event_key = ? AND payload LIKE ?", id,
                "%onecloud.ticket.revoked.v1%")).isEqualTo(1);

        try (TopicReader topic = new TopicReader("ticket-events")) {
            List<Event> events = topic.await(revokedEventOf(id), 1, EVENT_TIMEOUT);
            assertThat(events).hasSize(1);
            // Later revokes published nothing more.
            assertThat(topic.within(revokedEventOf(id), Duration.ofSeconds(2))).hasSize(1);

            JsonNode event = events.get(0).json();
            assertThat(event.path("specversion").asText()).isEqualTo("1.0");
            assertThat(event.path("id").asText()).isNotBlank();
            assertThat(event.path("source").asText()).isEqualTo("/onecloud/ticket-service");
            assertThat(event.path("type").asText()).isEqualTo("onecloud.ticket.revoked.v1");
            assertThat(event.path("subject").asText()).isEqualTo(id);
            assertThat(event.path("datacontenttype").asText()).isEqualTo("application/json");
            assertThat(Instant.parse(event.path("time").asText())).isEqualTo(Instant.parse(revokedAt));
            JsonNode data = event.path("data");
            assertThat(data.path("ticketId").asText()).isEqualTo(id);
            assertThat(data.path("organizationId").asText()).isEqualTo(org);
            assertThat(data.path("userId").asText()).isEqualTo("bob");
            assertThat(data.path("kind").asText()).isEqualTo("USER");
            assertThat(Instant.parse(data.path("revokedAt").asText())).isEqualTo(Instant.parse(revokedAt));
            assertThat(data.path("reason").asText()).isEqualTo("REVOKED");
            assertThat(events.get(0).raw()).doesNotContain(ticket.getString("token"))
                    .doesNotContain(ticket.getString("token").substring(20)).doesNotContain("hash");

            // Its creation was announced too, before the revocation, without the credential.
            List<Event> lifecycle = topic.await(e -> id.equals(e.key()), 2, EVENT_TIMEOUT);
            assertThat(lifecycle).extracting(Event::type)
                    .containsExactly("onecloud.ticket.created.v1", "onecloud.ticket.revoked.v1");
            assertThat(lifecycle.get(0).data().path("apis").get(0).asText()).isEqualTo("CONTACTS");
            assertThat(lifecycle.get(0).raw()).doesNotContain(ticket.getString("token").substring(20));
        }
    }

    @Test
    void aRevokedTicketCannotBeRotated() {
        String id = create(Map.of("name", "app", "kind", "APPLICATION", "apis", List.of("USERS"))).getString("id");
        admin.json().delete(base + "/" + id).then().statusCode(204);
        admin.json().contentType("application/json").body(Map.of("graceSeconds", 10))
                .post(base + "/" + id + "/rotation").then().statusCode(409);
        assertThat(Db.count("SELECT count(*) FROM credential WHERE ticket_id = ?", id)).isEqualTo(1);
    }

    @Test
    void rotationIssuesANewCredentialAndEndsTheOldOneAfterTheGrace() {
        JsonPath ticket = create(Map.of("name", "app", "kind", "APPLICATION", "apis", List.of("USERS")));
        String id = ticket.getString("id");
        String oldCredential = TokenFormat.credentialId(ticket.getString("token")).orElseThrow();

        Instant before = Instant.now();
        JsonPath rotated = admin.json().contentType("application/json").body(Map.of("graceSeconds", 1))
                .post(base + "/" + id + "/rotation").then().statusCode(200)
                .body("id", equalTo(id)).body("status", equalTo("ACTIVE"))
                .extract().jsonPath();
        IssuedCredentials.remember(rotated.getString("token"), rotated.getString("secret"));
        String newCredential = TokenFormat.credentialId(rotated.getString("token")).orElseThrow();
        assertThat(newCredential).isNotEqualTo(oldCredential);
        assertThat(rotated.getString("token")).isNotEqualTo(ticket.getString("token"));
        assertThat(TokenFormat.isWellFormedSecret(rotated.getString("secret"))).isTrue();
        assertThat(rotated.getString("secret")).isNotEqualTo(ticket.getString("secret"));

        Map<String, Object> old = Db.rows("SELECT not_after FROM credential WHERE id = ?", oldCredential).get(0);
        Instant notAfter = ((java.sql.Timestamp) old.get("not_after")).toInstant();
        assertThat(notAfter).isBetween(before.plusMillis(500), Instant.now().plusSeconds(2));
        assertThat(Db.rows("SELECT not_after FROM credential WHERE id = ?", newCredential).get(0).get("not_after"))
                .isNull();
        // Still readable without its credential.
        admin.json().get(base + "/" + id).then().statusCode(200).body("$", not(hasKey("token")));

        try (TopicReader topic = new TopicReader("ticket-events")) {
            List<Event> ended = topic.await(revokedEventOf(id), 1, EVENT_TIMEOUT);
            assertThat(ended).hasSize(1);
            JsonNode data = ended.get(0).data();
            assertThat(data.path("reason").asText()).isEqualTo("ROTATION_GRACE_ENDED");
            assertThat(data.path("credentialId").asText()).isEqualTo(oldCredential);
            assertThat(data.path("ticketId").asText()).isEqualTo(id);
            assertThat(data.path("kind").asText()).isEqualTo("APPLICATION");
            assertThat(topic.await(e -> e.type().equals("onecloud.ticket.rotated.v1") && id.equals(e.key()), 1,
                    EVENT_TIMEOUT)).hasSize(1);
        }
        assertThat(Db.rows("SELECT retired_at FROM credential WHERE id = ?", oldCredential).get(0).get("retired_at"))
                .isNotNull();
        // The ticket itself lives on with its new credential.
        admin.json().get(base + "/" + id).then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void rotationWithoutGraceAndRotationValidation() {
        JsonPath ticket = create(Map.of("name", "u", "kind", "USER", "userId", "carol", "apis", List.of("CONTACTS")));
        String id = ticket.getString("id");
        for (int bad : new int[] { -1, 86_401 }) {
            admin.json().contentType("application/json").body(Map.of("graceSeconds", bad))
                    .post(base + "/" + id + "/rotation").then().statusCode(400);
        }
        JsonPath rotated = admin.json().contentType("application/json").body(Map.of("graceSeconds", 0))
                .post(base + "/" + id + "/rotation").then().statusCode(200).body("$", not(hasKey("secret")))
                .extract().jsonPath();
        IssuedCredentials.remember(rotated.getString("token"), null);
        String oldCredential = TokenFormat.credentialId(ticket.getString("token")).orElseThrow();
        try (TopicReader topic = new TopicReader("ticket-events")) {
            List<Event> ended = topic.await(revokedEventOf(id), 1, EVENT_TIMEOUT);
            assertThat(ended).hasSize(1);
            assertThat(ended.get(0).data().path("reason").asText()).isEqualTo("ROTATION_GRACE_ENDED");
            assertThat(ended.get(0).data().path("credentialId").asText()).isEqualTo(oldCredential);
            assertThat(ended.get(0).data().path("userId").asText()).isEqualTo("carol");
        }
        // Default grace: an hour.
        Instant before = Instant.now();
        admin.json().contentType("application/json").body("{}").post(base + "/" + id + "/rotation").then()
                .statusCode(200);
        String current = TokenFormat.credentialId(rotated.getString("token")).orElseThrow();
        Instant notAfter = ((java.sql.Timestamp) Db.rows("SELECT not_after FROM credential WHERE id = ?", current)
                .get(0).get("not_after")).toInstant();
        assertThat(notAfter).isBetween(before.plusSeconds(3599), Instant.now().plusSeconds(3601));
    }

    @Test
    void aRevocationCommittedWhileKafkaIsDownIsPublishedWhenItReturns() {
        assertThat(EmbeddedKafkaResource.bootstrapServers()).as("the test reaches the application's broker")
                .isEqualTo(ConfigProvider.getConfig()
                        .getValue("kafka.bootstrap.servers", String.class));
        String id = create(Map.of("name", "app", "kind", "APPLICATION", "apis", List.of("USERS"))).getString("id");
        EmbeddedKafkaResource.stopBroker();
        try {
            long started = System.nanoTime();
            admin.json().delete(base + "/" + id).then().statusCode(204);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            admin.json().get(base + "/" + id).then().statusCode(200).body("status", equalTo("REVOKED"));
            // Kept, unpublished, while the broker is away.
            sleep(Duration.ofSeconds(3));
            assertThat(Db.rows("SELECT published_at FROM outbox_event WHERE event_key = ? AND payload LIKE ?", id,
                    "%onecloud.ticket.revoked.v1%").get(0).get("published_at")).isNull();
        } finally {
            EmbeddedKafkaResource.startBroker();
        }
        try (TopicReader topic = new TopicReader("ticket-events")) {
            List<Event> events = topic.await(revokedEventOf(id), 1, Duration.ofSeconds(60));
            assertThat(events).hasSize(1);
            assertThat(events.get(0).data().path("reason").asText()).isEqualTo("REVOKED");
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                Db.count("SELECT count(*) FROM outbox_event WHERE event_key = ? AND published_at IS NULL", id))
                .isZero());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
