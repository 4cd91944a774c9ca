package com.onecloud.ticket.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.audit.AuditRetention;
import com.onecloud.migrations.Schema;
import com.onecloud.testsupport.AuthServiceDouble;
import com.onecloud.testsupport.EmbeddedKafkaResource;
import com.onecloud.testsupport.EmbeddedPostgresResource;
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
import io.restassured.path.xml.XmlPath;

/**
 * The audit trail (contract §4): every ticket created, rotated and revoked is recorded with its actor, address and
 * changed fields, also when the platform acts by itself; the read API keeps tenancy, filters, pages, and speaks JSON and
 * XML; resource-service's entries arrive on audit-events; the service's role cannot change or remove an entry; retention
 * removes only old ones; and no token, secret or hash is ever in an entry or an event.
 */
@QuarkusTest
@QuarkusTestResource(TicketDatabase.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(AuthServiceDouble.class)
class AuditTrailTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    AuditRetention retention;

    private String org;
    private Caller admin;
    private String tickets;
    private String trail;

    @BeforeEach
    void setUp() {
        org = Callers.newOrganization();
        admin = Callers.application(org, Api.TICKETS);
        tickets = "/api/admin/v1/organizations/" + org + "/tickets";
        trail = "/api/admin/v1/organizations/" + org + "/audit";
    }

    private JsonPath create(Caller caller, Map<String, Object> body) {
        JsonPath created = caller.json().contentType("application/json").body(body).post(tickets).then()
                .statusCode(201).extract().jsonPath();
        IssuedCredentials.remember(created.getString("token"), created.getString("secret"));
        return created;
    }

    private String application() {
        return create(admin, Map.of("name", "billing", "kind", "APPLICATION", "apis", List.of("USERS")))
                .getString("id");
    }

    private JsonPath rotate(String id, int graceSeconds) {
        JsonPath rotated = admin.json().contentType("application/json").body(Map.of("graceSeconds", graceSeconds))
                .post(tickets + "/" + id + "/rotation").then().statusCode(200).extract().jsonPath();
        IssuedCredentials.remember(rotated.getString("token"), rotated.getString("secret"));
        return rotated;
    }

    private JsonPath entries(String query) {
        return admin.json().get(trail + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void createdRotatedAndRevokedAreRecordedWithTheActorItsAddressAndTheFieldsNewestFirst() {
        String id = application();
        rotate(id, 3600);
        // The address is the connection's: a client's X-Forwarded-For is not believed from an untrusted peer.
        admin.json().header("X-Forwarded-For", "203.0.113.9").delete(tickets + "/" + id).then().statusCode(204);
        admin.json().delete(tickets + "/" + id).then().statusCode(204); // revoking again changes nothing

        JsonPath page = entries("?targetId=" + id);
        assertThat(page.getList("items.action")).containsExactly("ticket.revoked", "ticket.rotated",
                "ticket.created");
        assertThat(page.getInt("total")).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            String item = "items[" + i + "].";
            assertThat(page.getString(item + "organizationId")).isEqualTo(org);
            assertThat(page.getString(item + "actor.kind")).isEqualTo("APPLICATION");
            assertThat(page.getString(item + "actor.id")).isEqualTo(admin.ticketId());
            assertThat(page.getString(item + "actor.organizationId")).isEqualTo(org);
            assertThat(page.getString(item + "target.type")).isEqualTo("ticket");
            assertThat(page.getString(item + "target.id")).isEqualTo(id);
            assertThat(page.getString(item + "sourceAddress")).isEqualTo("127.0.0.1");
            assertThat(UUID.fromString(page.getString(item + "id"))).isNotNull();
        }
        assertThat(page.getList("items[2].changes")).containsExactly("name", "kind", "apis", "expiresAt");
        assertThat(page.getList("items[1].changes")).containsExactly("token", "secret");
        assertThat(page.getList("items[0].changes")).containsExactly("status", "revokedAt");
        assertThat(page.getString("items[0].reason")).isEqualTo("REVOKED");
        assertThat(page.getString("items[1].reason")).isNull();
        assertThat(Instant.parse(page.getString("items[0].time")))
                .isAfterOrEqualTo(Instant.parse(page.getString("items[1].time")));
    }

    @Test
    void aUsersOwnTokenIsRecordedWithTheUserAsActor() {
        Caller user = Callers.user(org, "ulla", Api.CONTACTS);
        JsonPath created = user.json().contentType("application/json")
                .body(Map.of("name", "phone", "apis", List.of("CONTACTS"))).post("/api/user/v1/tickets").then()
                .statusCode(201).extract().jsonPath();
        IssuedCredentials.remember(created.getString("token"), null);
        user.json().delete("/api/user/v1/tickets/" + created.getString("id")).then().statusCode(204);

        JsonPath page = entries("?targetId=" + created.getString("id"));
        assertThat(page.getList("items.action")).containsExactly("ticket.revoked", "ticket.created");
        assertThat(page.getList("items.actor.kind")).containsOnly("USER");
        assertThat(page.getList("items.actor.id")).containsOnly(user.ticketId());
        assertThat(page.getList("items[1].changes")).containsExactly("name", "kind", "userId", "apis", "expiresAt");
    }

    @Test
    void theEndOfARotationsGraceIsRecordedAsTheSystemsRevocationOfTheOldCredential() {
        String id = application();
        rotate(id, 0);
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
                entries("?targetId=" + id + "&action=ticket.revoked").getList("items")).hasSize(1));
        JsonPath page = entries("?targetId=" + id + "&action=ticket.revoked");
        assertThat(page.getString("items[0].reason")).isEqualTo("ROTATION_GRACE_ENDED");
        assertThat(page.getString("items[0].actor.kind")).isEqualTo("SYSTEM");
        assertThat(page.getString("items[0].actor.id")).isEqualTo("ticket-service");
        assertThat(page.getString("items[0].sourceAddress")).isNull();
        assertThat(page.getList("items[0].changes")).containsExactly("token", "secret");
        admin.json().get(tickets + "/" + id).then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void aCascadeOfADeletedUserIsRecordedAsTheSystemsRevocationWithItsReason() {
        JsonPath ticket = create(admin, Map.of("name", "t", "kind", "USER", "userId", "dave",
                "apis", List.of("CONTACTS")));
        String id = ticket.getString("id");
        publish("directory-events", org, event(UUID.randomUUID().toString(), "onecloud.user.deleted.v1",
                "{\"organizationId\":\"" + org + "\",\"userId\":\"dave\",\"deletedAt\":\"" + Instant.now() + "\"}"));

        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
                entries("?targetId=" + id + "&action=ticket.revoked").getList("items")).hasSize(1));
        JsonPath page = entries("?targetId=" + id + "&action=ticket.revoked");
        assertThat(page.getString("items[0].reason")).isEqualTo("USER_DELETED");
        assertThat(page.getString("items[0].actor.kind")).isEqualTo("SYSTEM");
        assertThat(page.getString("items[0].actor.id")).isEqualTo("ticket-service");
        assertThat(page.getList("items[0].changes")).containsExactly("status", "revokedAt");
    }

    @Test
    void theBootstrapTicketIsThePlatformsOwnEntryInThePlatformsTrailOnly() {
        Caller root = Callers.superuser(Api.TICKETS);
        JsonPath page = root.json().get("/api/admin/v1/audit?action=ticket.created&actorId=ticket-service").then()
                .statusCode(200).extract().jsonPath();
        assertThat(page.getList("items")).isNotEmpty();
        List<String> bootstrap = Db.rows("SELECT id FROM ticket WHERE bootstrap").stream()
                .map(row -> (String) row.get("id")).toList();
        assertThat(page.getList("items.target.id", String.class)).allMatch(bootstrap::contains);
        assertThat(page.getList("items.organizationId")).containsOnlyNulls();
        assertThat(page.getList("items.actor.kind")).containsOnly("SYSTEM");
        assertThat(page.getList("items.sourceAddress")).containsOnlyNulls();

        // A SUPERUSER ticket is the platform's: in the platform's trail, with no organization.
        JsonPath created = root.json().contentType("application/json")
                .body(Map.of("name", "ops", "apis", List.of("TICKETS"))).post("/api/admin/v1/tickets").then()
                .statusCode(201).extract().jsonPath();
        IssuedCredentials.remember(created.getString("token"), created.getString("secret"));
        root.json().get("/api/admin/v1/audit?targetId=" + created.getString("id")).then().statusCode(200)
                .body("items.action", contains("ticket.created")).body("items[0].organizationId", nullValue())
                .body("items[0].actor.kind", equalTo("SUPERUSER")).body("items[0].actor.id", equalTo(root.ticketId()))
                .body("items[0].actor.organizationId", nullValue());
    }

    @Test
    void anotherOrganizationsTrailIsNotFoundAndNeverShowsThisOnesEntries() {
        String id = application();
        String other = Callers.newOrganization();
        Caller otherAdmin = Callers.application(other, Api.TICKETS);
        otherAdmin.json().get(trail).then().statusCode(404);
        JsonPath theirs = otherAdmin.json().get("/api/admin/v1/organizations/" + other + "/audit").then()
                .statusCode(200).extract().jsonPath();
        assertThat(theirs.getInt("total")).isZero();
        otherAdmin.json().get("/api/admin/v1/organizations/" + other + "/audit?targetId=" + id).then()
                .statusCode(200).body("total", equalTo(0));
        // Not the platform's trail either, and not without the API TICKETS.
        otherAdmin.json().get("/api/admin/v1/audit").then().statusCode(403);
        Callers.application(org, Api.USERS).json().get(trail).then().statusCode(403);
        // A SUPERUSER reads any organization's trail, and every organization's at once.
        Caller root = Callers.superuser(Api.TICKETS);
        root.json().get(trail).then().statusCode(200).body("items.target.id", hasItem(id));
        root.json().get("/api/admin/v1/audit?targetId=" + id).then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void filtersAndPagingAndTheirBadValues() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(application());
        }
        Instant between = Instant.now();
        admin.json().delete(tickets + "/" + ids.get(0)).then().statusCode(204);
        Caller second = Callers.application(org, Api.TICKETS);
        second.json().delete(tickets + "/" + ids.get(1)).then().statusCode(204);

        JsonPath all = entries("?limit=2");
        assertThat(all.getInt("total")).isEqualTo(5);
        assertThat(all.getInt("limit")).isEqualTo(2);
        assertThat(all.getList("items")).hasSize(2);
        assertThat(all.getList("items.target.id")).containsExactly(ids.get(1), ids.get(0));
        JsonPath rest = entries("?limit=2&offset=2");
        assertThat(rest.getInt("offset")).isEqualTo(2);
        assertThat(rest.getList("items.target.id")).containsExactly(ids.get(2), ids.get(1));
        assertThat(entries("?offset=4").getList("items.target.id")).containsExactly(ids.get(0));

        assertThat(entries("?action=ticket.revoked").getList("items.target.id"))
                .containsExactly(ids.get(1), ids.get(0));
        assertThat(entries("?actorId=" + second.ticketId()).getList("items.target.id")).containsExactly(ids.get(1));
        assertThat(entries("?targetId=" + ids.get(2)).getList("items.action")).containsExactly("ticket.created");
        assertThat(entries("?from=" + between).getList("items.action")).containsOnly("ticket.revoked").hasSize(2);
        assertThat(entries("?to=" + between).getList("items.action")).containsOnly("ticket.created").hasSize(3);
        assertThat(entries("?from=" + between.minus(1, ChronoUnit.DAYS) + "&to=" + between + "&action=ticket.revoked")
                .getInt("total")).isZero();
        admin.json().queryParam("from", "2000-01-01T00:00:00+02:00").get(trail).then().statusCode(200)
                .body("total", equalTo(5));

        admin.json().get(trail + "?action=ticket.deleted").then().statusCode(400)
                .body("validationResult.field", contains("action"));
        admin.json().get(trail + "?from=yesterday").then().statusCode(400)
                .body("validationResult.field", contains("from"));
        admin.json().get(trail + "?to=2026-13-01T00:00:00Z").then().statusCode(400)
                .body("validationResult.field", contains("to"));
        admin.json().get(trail + "?from=" + between + "&to=" + between.minusSeconds(1)).then().statusCode(400)
                .body("validationResult.field", contains("to"));
        admin.json().get(trail + "?limit=0").then().statusCode(400).body("validationResult.field", contains("limit"));
        admin.json().get(trail + "?offset=x").then().statusCode(400).body("validationResult.field", contains("offset"));
    }

    @Test
    void theTrailInXml() {
        String id = application();
        String xml = admin.xml().get(trail + "?targetId=" + id).then().statusCode(200)
                .contentType(startsWith("application/xml")).extract().asString();
        XmlPath page = new XmlPath(xml);
        assertThat(page.getString("page.total")).isEqualTo("1");
        assertThat(page.getString("page.items.auditEntry.action")).isEqualTo("ticket.created");
        assertThat(page.getString("page.items.auditEntry.organizationId")).isEqualTo(org);
        assertThat(page.getString("page.items.auditEntry.actor.kind")).isEqualTo("APPLICATION");
        assertThat(page.getString("page.items.auditEntry.actor.id")).isEqualTo(admin.ticketId());
        assertThat(page.getString("page.items.auditEntry.target.type")).isEqualTo("ticket");
        assertThat(page.getString("page.items.auditEntry.target.id")).isEqualTo(id);
        assertThat(page.getList("page.items.auditEntry.changes.change")).containsExactly("name", "kind", "apis",
                "expiresAt");
        assertThat(Instant.parse(page.getString("page.items.auditEntry.time"))).isNotNull();
        admin.xml().get(trail + "?from=nope").then().statusCode(400)
                .contentType(startsWith("application/problem+xml"));
    }

    @Test
    void resourceServicesEntriesArriveOnAuditEventsOnceAndAMalformedOneIsSkipped() {
        String entryId = UUID.randomUUID().toString();
        String entry = "{\"id\":\"" + entryId + "\",\"time\":\"2026-03-01T10:00:00.123456Z\","
                + "\"action\":\"user.updated\",\"organizationId\":\"" + org + "\",\"actor\":{\"kind\":\"SUPERUSER\","
                + "\"id\":\"su-ticket\"},\"target\":{\"type\":\"user\",\"id\":\"u-1\"},\"sourceAddress\":\"10.1.2.3\","
                + "\"changes\":[\"email\",\"userApiEnabled\"]}";
        String bad = "{\"id\":\"" + UUID.randomUUID() + "\",\"time\":\"2026-03-01T10:00:00Z\",\"action\":\"user.hacked\","
                + "\"organizationId\":\"" + org + "\",\"actor\":{\"kind\":\"SUPERUSER\",\"id\":\"x\"},"
                + "\"target\":{\"type\":\"user\",\"id\":\"u-2\"},\"changes\":[]}";
        publish("audit-events", org, event(UUID.randomUUID().toString(), "onecloud.audit.recorded.v1", bad));
        publish("audit-events", org, event(entryId, "onecloud.audit.recorded.v1", entry));
        publish("audit-events", org, event(entryId, "onecloud.audit.recorded.v1", entry));

        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> assertThat(entries("").getInt("total")).isOne());
        JsonPath page = entries("");
        assertThat(page.getString("items[0].id")).isEqualTo(entryId);
        assertThat(page.getString("items[0].time")).isEqualTo("2026-03-01T10:00:00.123456Z");
        assertThat(page.getString("items[0].action")).isEqualTo("user.updated");
        assertThat(page.getString("items[0].actor.id")).isEqualTo("su-ticket");
        assertThat(page.getString("items[0].target.id")).isEqualTo("u-1");
        assertThat(page.getString("items[0].sourceAddress")).isEqualTo("10.1.2.3");
        assertThat(page.getList("items[0].changes")).containsExactly("email", "userApiEnabled");
        assertThat(Db.count("SELECT count(*) FROM audit_entry WHERE id = ?", entryId)).isOne();
        assertThat(Db.count("SELECT count(*) FROM audit_entry WHERE target_id = 'u-2'")).isZero();
    }

    @Test
    void entriesArePublishedOnAuditEventsAsTheTrailShowsThem() {
        String id = application();
        String entryId = entries("?targetId=" + id).getString("items[0].id");
        try (TopicReader topic = new TopicReader("audit-events")) {
            List<Event> events = topic.await(e -> entryId.equals(e.json().path("id").asText()), 1, TIMEOUT);
            assertThat(events).hasSize(1);
            Event event = events.get(0);
            assertThat(event.key()).isEqualTo(org);
            assertThat(event.type()).isEqualTo("onecloud.audit.recorded.v1");
            assertThat(event.json().path("source").asText()).isEqualTo("/onecloud/ticket-service");
            assertThat(event.json().path("subject").asText()).isEqualTo(id);
            assertThat(event.data().path("id").asText()).isEqualTo(entryId);
            assertThat(event.data().path("action").asText()).isEqualTo("ticket.created");
            assertThat(event.data().path("actor").path("id").asText()).isEqualTo(admin.ticketId());
            assertThat(event.data().path("target").path("id").asText()).isEqualTo(id);
            assertThat(event.data().path("changes").toString()).isEqualTo("[\"name\",\"kind\",\"apis\",\"expiresAt\"]");
        }
    }

    @Test
    void noTokenSecretOrHashIsInAnyEntryOrAuditEvent() {
        String id = application();
        rotate(id, 0);
        admin.json().delete(tickets + "/" + id).then().statusCode(204);
        String entryId = entries("?targetId=" + id + "&action=ticket.revoked").getString("items[0].id");
        List<String> forbidden = new ArrayList<>(IssuedCredentials.all());
        for (Map<String, Object> row : Db.rows("SELECT token_hash, secret_hash FROM credential")) {
            for (Object hash : row.values()) {
                if (hash instanceof byte[] bytes) {
                    forbidden.add(java.util.HexFormat.of().formatHex(bytes));
                    forbidden.add(java.util.Base64.getEncoder().encodeToString(bytes));
                }
            }
        }
        assertThat(forbidden).hasSizeGreaterThan(4);
        String rows = Db.dump(Db.rows("SELECT * FROM audit_entry"));
        StringBuilder published = new StringBuilder();
        try (TopicReader topic = new TopicReader("audit-events")) {
            topic.await(e -> entryId.equals(e.json().path("id").asText()), 1, TIMEOUT);
            topic.within(e -> true, Duration.ofMillis(500)).forEach(e -> published.append(e.raw()).append('\n'));
        }
        assertThat(published).contains(entryId);
        for (String secret : forbidden) {
            assertThat(rows).as("the stored trail").doesNotContain(secret);
            assertThat(published.toString()).as("the published trail").doesNotContain(secret);
        }
    }

    @Test
    void theServicesRoleCanAddEntriesButNeitherChangeNorRemoveOne() throws SQLException {
        String id = application();
        String url = EmbeddedPostgresResource.jdbcUrl();
        try (Connection service = DriverManager.getConnection(url, Schema.TICKET.defaultServiceRole(),
                EmbeddedPostgresResource.ROLE_PASSWORD); Statement s = service.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_entry SET action = 'ticket.rotated' "
                    + "WHERE target_id = '" + id + "'")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_entry WHERE target_id = '" + id + "'"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.execute("TRUNCATE audit_entry")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.execute("SELECT audit_entry_expire(interval '1 hour')"))
                    .hasMessageContaining("kept at least one day");
        }
        assertThat(entries("?targetId=" + id).getList("items.action")).containsExactly("ticket.created");
    }

    @Test
    void retentionRemovesOnlyEntriesOlderThanItsBound() {
        Db.rows("INSERT INTO audit_entry (id, recorded_at, action, organization_id, actor_kind, actor_id, "
                + "target_type, target_id, changes) VALUES "
                + "(gen_random_uuid()::text, now() - interval '401 days', 'ticket.created', ?, 'SYSTEM', 'x', "
                + "'ticket', 'expired', 'name'), "
                + "(gen_random_uuid()::text, now() - interval '399 days', 'ticket.created', ?, 'SYSTEM', 'x', "
                + "'ticket', 'kept', 'name') RETURNING id", org, org);
        String recent = application();

        long removed = retention.expire().await().atMost(Duration.ofSeconds(10));

        assertThat(removed).isGreaterThanOrEqualTo(1);
        assertThat(entries("").getList("items.target.id")).containsExactly(recent, "kept");
        assertThat(Db.count("SELECT count(*) FROM audit_entry WHERE recorded_at < now() - interval '400 days'"))
                .isZero();
    }

    private static void publish(String topic, String key, String json) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(topic, key, json)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String event(String id, String type, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/onecloud/resource-service\","
                + "\"type\":\"" + type + "\",\"subject\":\"s\",\"time\":\"" + Instant.now() + "\","
                + "\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
    }
}
