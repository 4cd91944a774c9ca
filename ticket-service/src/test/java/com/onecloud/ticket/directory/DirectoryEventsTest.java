package com.onecloud.ticket.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.testsupport.AuthServiceDouble;
import com.onecloud.testsupport.EmbeddedKafkaResource;
import com.onecloud.testsupport.TicketDatabase;
import com.onecloud.ticket.support.Callers;
import com.onecloud.ticket.support.Callers.Caller;
import com.onecloud.ticket.support.Db;
import com.onecloud.ticket.support.EventPublisher;
import com.onecloud.ticket.support.IssuedCredentials;
import com.onecloud.ticket.support.TopicReader;
import com.onecloud.ticket.support.TopicReader.Event;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * resource-service's directory events revoke the tickets of a deleted user or organization, exactly once, and leave its
 * tombstone.
 */
@QuarkusTest
@QuarkusTestResource(TicketDatabase.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(AuthServiceDouble.class)
class DirectoryEventsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private String org;
    private Caller admin;
    private String base;

    @BeforeEach
    void setUp() {
        org = Callers.newOrganization();
        admin = Callers.application(org, Api.TICKETS);
        base = "/api/admin/v1/organizations/" + org + "/tickets";
    }

    private String createUserTicket(String userId) {
        JsonPath created = admin.json().contentType("application/json")
                .body(Map.of("name", "t", "kind", "USER", "userId", userId, "apis", List.of("CONTACTS")))
                .post(base).then().statusCode(201).extract().jsonPath();
        IssuedCredentials.remember(created.getString("token"), null);
        return created.getString("id");
    }

    private String createApplicationTicket() {
        JsonPath created = admin.json().contentType("application/json")
                .body(Map.of("name", "a", "kind", "APPLICATION", "apis", List.of("USERS")))
                .post(base).then().statusCode(201).extract().jsonPath();
        IssuedCredentials.remember(created.getString("token"), created.getString("secret"));
        return created.getString("id");
    }

    private static void publish(String key, String json) {
        EventPublisher.publish("directory-events", key, json);
    }

    private static String event(String id, String type, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/onecloud/resource-service\","
                + "\"type\":\"" + type + "\",\"subject\":\"s\",\"time\":\"" + Instant.now() + "\","
                + "\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
    }

    private void awaitStatus(String id, String status) {
        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> admin.json()
                .get(base + "/" + id).then().statusCode(200).body("status", equalTo(status)));
    }

    @Test
    void aDeletedUsersTicketsAreRevokedOnceEachWithAnEventAndADuplicateChangesNothing() {
        String first = createUserTicket("dave");
        String second = createUserTicket("dave");
        String othersTicket = createUserTicket("erin");
        String application = createApplicationTicket();
        String eventId = UUID.randomUUID().toString();
        String deleted = event(eventId, "onecloud.user.deleted.v1",
                "{\"organizationId\":\"" + org + "\",\"userId\":\"dave\",\"deletedAt\":\"" + Instant.now() + "\"}");

        publish(org, deleted);
        awaitStatus(first, "REVOKED");
        awaitStatus(second, "REVOKED");
        assertThat(Db.rows("SELECT revoke_reason FROM ticket WHERE id IN (?, ?)", first, second))
                .extracting(r -> r.get("revoke_reason")).containsOnly("USER_DELETED");
        assertThat(Db.count("SELECT count(*) FROM processed_event WHERE id = ?", eventId)).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM deleted_user WHERE organization_id = ? AND user_id = 'dave'", org))
                .as("the tombstone").isEqualTo(1);

        // The same event again (at-least-once delivery): nothing new.
        publish(org, deleted);
        try (TopicReader topic = new TopicReader("ticket-events")) {
            List<Event> revoked = topic.await(e -> e.type().equals("onecloud.ticket.revoked.v1")
                    && (first.equals(e.key()) || second.equals(e.key())), 2, TIMEOUT);
            assertThat(revoked).hasSize(2);
            assertThat(revoked).allSatisfy(e -> {
                assertThat(e.data().path("reason").asText()).isEqualTo("USER_DELETED");
                assertThat(e.data().path("userId").asText()).isEqualTo("dave");
                assertThat(e.data().path("organizationId").asText()).isEqualTo(org);
            });
            // Give the duplicate time to be consumed; it must publish no further revocations.
            assertThat(topic.within(e -> e.type().equals("onecloud.ticket.revoked.v1")
                    && (first.equals(e.key()) || second.equals(e.key())), Duration.ofSeconds(4))).hasSize(2);
        }
        assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE event_key IN (?, ?) AND payload LIKE ?",
                first, second, "%onecloud.ticket.revoked.v1%")).isEqualTo(2);
        // Another user's and the application's tickets are untouched.
        admin.json().get(base + "/" + othersTicket).then().statusCode(200).body("status", equalTo("ACTIVE"));
        admin.json().get(base + "/" + application).then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void aDeletedOrganizationsTicketsAreAllRevoked() {
        String user = createUserTicket("frank");
        String application = createApplicationTicket();
        String otherOrg = Callers.newOrganization();
        Caller otherAdmin = Callers.application(otherOrg, Api.TICKETS);
        JsonPath other = otherAdmin.json().contentType("application/json")
                .body(Map.of("name", "o", "kind", "APPLICATION", "apis", List.of("USERS")))
                .post("/api/admin/v1/organizations/" + otherOrg + "/tickets").then().statusCode(201).extract()
                .jsonPath();
        IssuedCredentials.remember(other.getString("token"), other.getString("secret"));

        // A malformed record before it must not block the partition.
        publish(org, "this is not json");
        publish(org, event(UUID.randomUUID().toString(), "onecloud.organization.deleted.v1",
                "{\"organizationId\":\"" + org + "\",\"deletedAt\":\"" + Instant.now() + "\"}"));
        awaitStatus(user, "REVOKED");
        awaitStatus(application, "REVOKED");
        assertThat(Db.rows("SELECT revoke_reason FROM ticket WHERE organization_id = ?", org))
                .extracting(r -> r.get("revoke_reason")).containsOnly("ORGANIZATION_DELETED");
        assertThat(Db.count("SELECT count(*) FROM deleted_organization WHERE organization_id = ?", org))
                .as("the tombstone").isEqualTo(1);
        try (TopicReader topic = new TopicReader("ticket-events")) {
            assertThat(topic.await(e -> e.type().equals("onecloud.ticket.revoked.v1")
                    && (user.equals(e.key()) || application.equals(e.key())), 2, TIMEOUT))
                    .hasSize(2)
                    .allSatisfy(e -> assertThat(e.data().path("reason").asText()).isEqualTo("ORGANIZATION_DELETED"));
        }
        otherAdmin.json().get("/api/admin/v1/organizations/" + otherOrg + "/tickets/" + other.getString("id"))
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void activationChangesAreStoredForAuthServiceAndAnnouncedOnTicketEventsNewestFirst() {
        String organization = "{\"organizationId\":\"" + org + "\",\"adminApiEnabled\":%s,\"userApiEnabled\":%s,"
                + "\"version\":%d,\"changedAt\":\"" + Instant.now() + "\"}";
        String user = "{\"organizationId\":\"" + org + "\",\"userId\":\"gina\",\"userApiEnabled\":false,"
                + "\"version\":4,\"changedAt\":\"" + Instant.now() + "\"}";
        String switchedOff = event(UUID.randomUUID().toString(), "onecloud.activation.changed.v1",
                organization.formatted(false, true, 3));
        try (TopicReader topic = new TopicReader("ticket-events")) {
            // An organization's change without its Admin API flag is skipped and blocks nothing.
            publish(org, event(UUID.randomUUID().toString(), "onecloud.activation.changed.v1",
                    "{\"organizationId\":\"" + org + "\",\"userApiEnabled\":true,\"version\":9,\"changedAt\":\""
                            + Instant.now() + "\"}"));
            publish(org, switchedOff);
            publish(org, event(UUID.randomUUID().toString(), "onecloud.activation.changed.v1", user));
            // Redelivered, and an older version arriving late: neither stored nor announced.
            publish(org, switchedOff);
            publish(org, event(UUID.randomUUID().toString(), "onecloud.activation.changed.v1",
                    organization.formatted(true, true, 2)));

            List<Event> announced = topic.await(e -> e.type().equals("onecloud.activation.changed.v1")
                    && org.equals(e.key()), 2, TIMEOUT);
            assertThat(announced).extracting(e -> e.data().path("userId").asText(null) + " "
                    + e.data().path("adminApiEnabled").asText(null) + " " + e.data().path("userApiEnabled").asBoolean()
                    + " " + e.data().path("version").asLong())
                    .containsExactly("null false true 3", "gina null false 4");
            assertThat(topic.within(e -> e.type().equals("onecloud.activation.changed.v1") && org.equals(e.key()),
                    Duration.ofSeconds(4))).as("announced once each").hasSize(2);
        }
        assertThat(Db.rows("SELECT user_id, admin_api_enabled, user_api_enabled, version FROM activation"
                + " WHERE organization_id = ? ORDER BY user_id", org))
                .extracting(r -> r.get("user_id") + " " + r.get("admin_api_enabled") + " " + r.get("user_api_enabled")
                        + " " + r.get("version"))
                .containsExactly(" false true 3", "gina null false 4");
    }
}
