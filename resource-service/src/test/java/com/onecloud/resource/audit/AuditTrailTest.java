package com.onecloud.resource.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.onecloud.access.Api;
import com.onecloud.access.Principal;
import com.onecloud.access.PrincipalKind;
import com.onecloud.access.credential.TokenFormat;
import com.onecloud.audit.AuditRetention;
import com.onecloud.events.Topics;
import com.onecloud.migrations.Schema;
import com.onecloud.resource.support.Credentials;
import com.onecloud.resource.support.Credentials.Credential;
import com.onecloud.resource.support.Fixtures;
import com.onecloud.testsupport.AuthServiceDouble;
import com.onecloud.testsupport.EmbeddedKafkaResource;
import com.onecloud.testsupport.EmbeddedPostgresResource;
import com.onecloud.testsupport.Json;
import com.onecloud.testsupport.ResourceDatabase;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Organizations and users created, updated (an activation flag's switch too) and deleted are recorded in the audit
 * trail with their actor, address and changed fields, in the change's transaction (a refused change records nothing),
 * and published on audit-events; the service's role cannot change or remove an entry; no credential is in an entry.
 */
@QuarkusTest
@QuarkusTestResource(AuthServiceDouble.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(ResourceDatabase.class)
class AuditTrailTest {

    private static final String ORGS = "/api/admin/v1/organizations";

    @Inject
    AuditRetention retention;

    @AfterAll
    static void noCredentialWasLogged() {
        Credentials.assertNoneLogged();
    }

    @Test
    void anOrganizationsCreationUpdatesAndDeletionAreRecordedWithTheFieldsThatChanged() throws Exception {
        Credential su = Credentials.superuser();
        String org = su.spec().contentType("application/json").body(Map.of("name", "Audited", "adminApiEnabled", true))
                .post(ORGS).then().statusCode(201).extract().path("id");
        put(su, ORGS + "/" + org, 0, Map.of("name", "Audited Oy"));
        put(su, ORGS + "/" + org, 1, Map.of("name", "Audited Oy", "userApiEnabled", true));
        put(su, ORGS + "/" + org, 2, Map.of("name", "Audited Oy", "adminApiEnabled", true));
        su.spec().contentType("application/json").body(Map.of("name", "Stale")).header("If-Match", "\"0\"")
                .put(ORGS + "/" + org).then().statusCode(409);
        su.spec().header("X-Forwarded-For", "203.0.113.9").delete(ORGS + "/" + org).then().statusCode(204);
        su.spec().delete(ORGS + "/" + org).then().statusCode(404);

        List<Map<String, Object>> entries = entries(org);
        assertThat(entries).extracting(e -> e.get("action")).containsExactly("organization.created",
                "organization.updated", "organization.updated", "organization.updated", "organization.deleted");
        assertThat(entries).extracting(e -> e.get("changes")).containsExactly("name,adminApiEnabled,userApiEnabled",
                "name", "userApiEnabled", "", "");
        String actor = TokenFormat.credentialId(su.token()).orElseThrow();
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.get("organization_id")).isEqualTo(org);
            assertThat(e.get("actor_kind")).isEqualTo("SUPERUSER");
            assertThat(e.get("actor_id")).isEqualTo(actor);
            assertThat(e.get("actor_organization_id")).isNull();
            assertThat(e.get("target_type")).isEqualTo("organization");
            assertThat(e.get("source_address")).as("the connection's address, whatever X-Forwarded-For says")
                    .isEqualTo("127.0.0.1");
            assertThat(e.get("reason")).isNull();
        });

        List<JsonNode> events = awaitEvents(org, 5);
        for (int i = 0; i < 5; i++) {
            JsonNode event = events.get(i);
            assertThat(event.path("id").asText()).isEqualTo(entries.get(i).get("id"));
            assertThat(event.path("type").asText()).isEqualTo(Topics.AUDIT_RECORDED);
            assertThat(event.path("source").asText()).isEqualTo("/onecloud/resource-service");
            assertThat(event.path("data").path("id").asText()).isEqualTo(entries.get(i).get("id"));
            assertThat(event.path("data").path("action").asText()).isEqualTo(entries.get(i).get("action"));
            assertThat(event.path("data").path("actor").path("kind").asText()).isEqualTo("SUPERUSER");
            assertThat(event.path("data").path("actor").path("id").asText()).isEqualTo(actor);
            assertThat(event.path("data").path("target").path("id").asText()).isEqualTo(org);
            assertThat(event.path("data").path("sourceAddress").asText()).isEqualTo("127.0.0.1");
            assertThat(Instant.parse(event.path("data").path("time").asText()))
                    .isEqualTo(((java.sql.Timestamp) entries.get(i).get("recorded_at")).toInstant());
        }
        assertThat(events.get(2).path("data").path("changes").toString()).isEqualTo("[\"userApiEnabled\"]");
    }

    @Test
    void aUsersCreationUpdatesAndDeletionAreRecordedWithTheApplicationAsActor() throws Exception {
        String org = Fixtures.organization("Audited users");
        Credential admin = Credentials.application(org, Api.USERS);
        String users = ORGS + "/" + org + "/users";
        String email = Fixtures.email("ann");
        String userId = admin.spec().contentType("application/json").body(Map.of("firstName", "Ann",
                "lastName", "Audit", "email", email, "phoneNumber", "+358401234567")).post(users).then()
                .statusCode(201).extract().path("id");
        admin.spec().contentType("application/json").body(Map.of("firstName", "Bob", "lastName", "Dup",
                "email", email)).post(users).then().statusCode(409);
        put(admin, users + "/" + userId, 0, Map.of("firstName", "Ann", "lastName", "Audit", "email",
                Fixtures.email("ann.new"), "phoneNumber", "+358401234567", "userApiEnabled", false));
        put(admin, users + "/" + userId, 1, Map.of("firstName", "Anna", "lastName", "Audit", "email", email));
        admin.spec().delete(users + "/" + userId).then().statusCode(204);

        List<Map<String, Object>> entries = entries(userId);
        assertThat(entries).extracting(e -> e.get("action")).containsExactly("user.created", "user.updated",
                "user.updated", "user.deleted");
        assertThat(entries).extracting(e -> e.get("changes")).containsExactly(
                "firstName,lastName,email,phoneNumber,userApiEnabled", "email,userApiEnabled",
                "firstName,email,phoneNumber", "");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.get("organization_id")).isEqualTo(org);
            assertThat(e.get("actor_kind")).isEqualTo("APPLICATION");
            assertThat(e.get("actor_id")).isEqualTo(TokenFormat.credentialId(admin.token()).orElseThrow());
            assertThat(e.get("actor_organization_id")).isEqualTo(org);
            assertThat(e.get("target_type")).isEqualTo("user");
        });
        assertThat(rows("SELECT count(*) AS n FROM audit_entry WHERE action = 'user.created' AND organization_id = ?",
                org).get(0).get("n")).as("the refused duplicate recorded nothing").isEqualTo(1L);
    }

    @Test
    void anOpenIdConnectPrincipalIsRecordedByItsSubject() throws Exception {
        String token = TokenFormat.newToken(TokenFormat.newId());
        AuthServiceDouble.register(token, null, new Principal(PrincipalKind.SUPERUSER, "oidc-admin-42", null, null,
                null, Set.of(Api.USERS, Api.TICKETS), Instant.now().plusSeconds(600)));
        String org = io.restassured.RestAssured.given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("name", "By OIDC")).post(ORGS).then().statusCode(201).extract().path("id");
        assertThat(entries(org)).singleElement().satisfies(e -> {
            assertThat(e.get("actor_kind")).isEqualTo("SUPERUSER");
            assertThat(e.get("actor_id")).isEqualTo("oidc-admin-42");
        });
    }

    @Test
    void theServicesRoleCannotChangeOrRemoveAnEntryAndRetentionRemovesOnlyOldOnes() throws Exception {
        String org = Fixtures.organization("Audit retention");
        try (Connection service = DriverManager.getConnection(EmbeddedPostgresResource.jdbcUrl(),
                Schema.RESOURCE.defaultServiceRole(), EmbeddedPostgresResource.ROLE_PASSWORD);
                Statement s = service.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_entry SET changes = '' WHERE target_id = '" + org
                    + "'")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_entry WHERE target_id = '" + org + "'"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.execute("TRUNCATE audit_entry")).hasMessageContaining("permission denied");
            s.executeUpdate("INSERT INTO audit_entry (id, recorded_at, action, organization_id, actor_kind, actor_id,"
                    + " target_type, target_id) VALUES ('" + UUID.randomUUID() + "', now() - interval '500 days', "
                    + "'user.deleted', '" + org + "', 'SYSTEM', 'x', 'user', 'old-user')");
        }
        assertThat(entries("old-user")).hasSize(1);

        assertThat(retention.expire().await().atMost(Duration.ofSeconds(10))).isGreaterThanOrEqualTo(1L);

        assertThat(entries("old-user")).isEmpty();
        assertThat(entries(org)).extracting(e -> e.get("action")).containsExactly("organization.created");
    }

    @Test
    void noEntryOrAuditEventHoldsACredential() throws Exception {
        String org = Fixtures.organization("Audit secrecy");
        Credential admin = Credentials.application(org, Api.USERS);
        String userId = Fixtures.user(org, "Sec", "Recy", Fixtures.email("sec"), null);
        admin.spec().delete(ORGS + "/" + org + "/users/" + userId).then().statusCode(204);
        awaitEvents(userId, 2);

        StringBuilder all = new StringBuilder();
        rows("SELECT * FROM audit_entry WHERE organization_id IS NOT NULL OR organization_id IS NULL").forEach(
                row -> all.append(row.values()).append('\n'));
        readTopic(e -> true, Integer.MAX_VALUE, Duration.ofSeconds(2)).forEach(e -> all.append(e).append('\n'));
        assertThat(all).contains(userId);
        for (String credential : Credentials.issued()) {
            assertThat(all.toString()).doesNotContain(credential);
        }
    }

    private static void put(Credential who, String path, long version, Map<String, Object> body) {
        who.spec().contentType("application/json").header("If-Match", "\"" + version + "\"").body(body).put(path)
                .then().statusCode(200);
    }

    /** The entries about {@code targetId}, oldest first. */
    private static List<Map<String, Object>> entries(String targetId) throws SQLException {
        return rows("SELECT * FROM audit_entry WHERE target_id = ? ORDER BY recorded_at, id", targetId);
    }

    /** The first {@code count} audit events about {@code targetId}, in topic order. */
    private static List<JsonNode> awaitEvents(String targetId, int count) throws Exception {
        List<JsonNode> events = readTopic(e -> targetId.equals(e.path("data").path("target").path("id").asText()),
                count, Duration.ofSeconds(60));
        assertThat(events).as("audit events about " + targetId).hasSize(count);
        return events;
    }

    private static List<JsonNode> readTopic(java.util.function.Predicate<JsonNode> wanted, int count,
            Duration timeout) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaResource.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "audit-events-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.AUDIT_EVENTS));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && found.size() < count) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode event = Json.MAPPER.readTree(record.value());
                    if (wanted.test(event)) {
                        assertThat(record.key()).isEqualTo(event.path("data").path("organizationId").asText());
                        found.add(event);
                    }
                }
            }
        }
        return found.size() > count ? found.subList(0, count) : found;
    }

    private static List<Map<String, Object>> rows(String sql, Object... params) throws SQLException {
        try (Connection c = DriverManager.getConnection(EmbeddedPostgresResource.jdbcUrl(),
                EmbeddedPostgresResource.USER, EmbeddedPostgresResource.PASSWORD);
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
