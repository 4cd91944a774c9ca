package com.onecloud.resource.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.onecloud.access.Api;
import com.onecloud.access.credential.TokenFormat;
import com.onecloud.events.ActivationChanged;
import com.onecloud.events.CloudEvent;
import com.onecloud.events.Topics;
import com.onecloud.resource.common.DirectoryEvents;
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
 * Deleting a user or an organization is announced on directory-events through the outbox, even across an outage; so is
 * an organization's or a user's API activation when it is created and when it changes.
 */
@QuarkusTest
@QuarkusTestResource(AuthServiceDouble.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(ResourceDatabase.class)
class DirectoryEventsTest {

    /** The service's own mapping, the one its outbox writes events with. */
    @Inject
    ObjectMapper json;

    @AfterAll
    static void noCredentialWasLogged() {
        Credentials.assertNoneLogged();
    }

    @Test
    void deletingAUserPublishesUserDeletedAndRemovesTheirContacts() throws Exception {
        String org = Fixtures.organization("Events user");
        String userId = Fixtures.user(org, "Gone", "Soon", Fixtures.email("gone"), null);
        String keeperId = Fixtures.user(org, "Stays", "Here", Fixtures.email("stays"), null);
        Credential goner = Credentials.user(org, userId, Api.CONTACTS);
        Credential keeper = Credentials.user(org, keeperId, Api.CONTACTS);
        createContact(goner, "Contact of the deleted user");
        createContact(goner, "Another one");
        createContact(keeper, "Survivor");
        assertThat(count("SELECT count(*) FROM contact WHERE owner_user_id = ?", userId)).isEqualTo(2);

        Instant before = Instant.now();
        Credentials.application(org, Api.USERS).spec().delete("/api/admin/v1/organizations/" + org + "/users/"
                + userId).then().statusCode(204);

        ConsumerRecord<String, String> record = awaitEvent(e -> Topics.USER_DELETED.equals(e.path("type").asText())
                && userId.equals(e.path("data").path("userId").asText()));
        assertThat(record.key()).isEqualTo(org);
        JsonNode event = Json.MAPPER.readTree(record.value());
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(UUID.fromString(event.path("id").asText())).isNotNull();
        assertThat(event.path("source").asText()).isEqualTo("/onecloud/resource-service");
        assertThat(event.path("type").asText()).isEqualTo(Topics.USER_DELETED);
        assertThat(event.path("subject").asText()).isEqualTo(userId);
        assertThat(Instant.parse(event.path("time").asText())).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(event.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(event.path("data").path("organizationId").asText()).isEqualTo(org);
        assertThat(event.path("data").path("userId").asText()).isEqualTo(userId);
        assertThat(Instant.parse(event.path("data").path("deletedAt").asText()))
                .isAfterOrEqualTo(before.minusSeconds(1)).isEqualTo(Instant.parse(event.path("time").asText()));
        assertThat(event.toString()).doesNotContain("oc_");

        assertThat(count("SELECT count(*) FROM contact WHERE owner_user_id = ?", userId)).isZero();
        assertThat(count("SELECT count(*) FROM directory_user WHERE id = ?", userId)).isZero();
        goner.spec().get("/api/user/v1/contacts").then().statusCode(200).body("total", equalTo(0));
        keeper.spec().get("/api/user/v1/contacts").then().statusCode(200).body("total", equalTo(1));
        assertThat(count("SELECT count(*) FROM outbox_event WHERE payload LIKE ? AND payload LIKE '%"
                + Topics.USER_DELETED + "%' AND published_at IS NOT NULL", "%" + userId + "%")).isEqualTo(1);
    }

    @Test
    void deletingAnOrganizationPublishesOrganizationDeletedAndRemovesItsDirectory() throws Exception {
        String org = Fixtures.organization("Events org");
        String userId = Fixtures.user(org, "Member", "One", Fixtures.email("member"), null);
        Fixtures.user(org, "Member", "Two", Fixtures.email("member2"), null);
        createContact(Credentials.user(org, userId, Api.CONTACTS), "Org contact");
        assertThat(count("SELECT count(*) FROM directory_user WHERE organization_id = ?", org)).isEqualTo(2);

        Instant before = Instant.now();
        Credentials.superuser().spec().delete("/api/admin/v1/organizations/" + org).then().statusCode(204);

        ConsumerRecord<String, String> record = awaitEvent(e -> Topics.ORGANIZATION_DELETED.equals(
                e.path("type").asText()) && org.equals(e.path("data").path("organizationId").asText()));
        assertThat(record.key()).isEqualTo(org);
        JsonNode event = Json.MAPPER.readTree(record.value());
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("source").asText()).isEqualTo("/onecloud/resource-service");
        assertThat(event.path("subject").asText()).isEqualTo(org);
        assertThat(event.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(Instant.parse(event.path("time").asText())).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(Instant.parse(event.path("data").path("deletedAt").asText()))
                .isAfterOrEqualTo(before.minusSeconds(1)).isEqualTo(Instant.parse(event.path("time").asText()));

        assertThat(count("SELECT count(*) FROM directory_user WHERE organization_id = ?", org)).isZero();
        assertThat(count("SELECT count(*) FROM contact WHERE organization_id = ?", org)).isZero();
        Credentials.superuser().spec().get("/api/admin/v1/organizations/" + org + "/users").then().statusCode(404);
        Credentials.superuser().spec().get("/api/admin/v1/organizations/" + org + "/users/" + userId).then()
                .statusCode(404);
    }

    @Test
    void aUserDeletedWhileKafkaIsDownIsAnnouncedOnceItIsBack() throws Exception {
        String org = Fixtures.organization("Events outage");
        String userId = Fixtures.user(org, "Outage", "Victim", Fixtures.email("outage"), null);
        Credential app = Credentials.application(org, Api.USERS);
        app.spec().get("/api/admin/v1/organizations/" + org + "/users/" + userId).then().statusCode(200);
        try {
            EmbeddedKafkaResource.stopBroker();
            app.spec().delete("/api/admin/v1/organizations/" + org + "/users/" + userId).then().statusCode(204);
            app.spec().get("/api/admin/v1/organizations/" + org + "/users/" + userId).then().statusCode(404);
            // Committed with the delete, not yet published.
            assertThat(count("SELECT count(*) FROM outbox_event WHERE payload LIKE ? AND payload LIKE '%"
                    + Topics.USER_DELETED + "%' AND published_at IS NULL", "%" + userId + "%")).isEqualTo(1);
        } finally {
            EmbeddedKafkaResource.startBroker();
        }
        ConsumerRecord<String, String> record = awaitEvent(e -> Topics.USER_DELETED.equals(e.path("type").asText())
                && userId.equals(e.path("data").path("userId").asText()));
        assertThat(record.key()).isEqualTo(org);
        assertThat(Json.MAPPER.readTree(record.value()).path("type").asText()).isEqualTo(Topics.USER_DELETED);
    }

    @Test
    void anOrganizationsActivationIsAnnouncedWhenItIsCreatedAndWhenAFlagChanges() throws Exception {
        Credential su = Credentials.superuser();
        Instant before = Instant.now();
        String org = Fixtures.organization("Events activation", false, false);
        String orgPath = "/api/admin/v1/organizations/" + org;
        // A rename changes no flag: no event for version 1.
        su.spec().contentType("application/json").body(Map.of("name", "Renamed", "version", 0)).put(orgPath).then()
                .statusCode(200).body("version", equalTo(1));
        su.spec().contentType("application/json")
                .body(Map.of("name", "Renamed", "adminApiEnabled", true, "userApiEnabled", false, "version", 1))
                .put(orgPath).then().statusCode(200).body("version", equalTo(2));
        // Setting a flag to the value it has is no change either.
        su.spec().contentType("application/json").body(Map.of("name", "Renamed", "adminApiEnabled", true, "version", 2))
                .put(orgPath).then().statusCode(200).body("version", equalTo(3));
        su.spec().contentType("application/json").body(Map.of("name", "Renamed", "userApiEnabled", true, "version", 3))
                .put(orgPath).then().statusCode(200).body("version", equalTo(4));

        // Ordered per key: once version 4's event is there, every earlier one of this organization is too.
        List<ConsumerRecord<String, String>> records = awaitEvents(
                e -> Topics.ACTIVATION_CHANGED.equals(e.path("type").asText())
                        && org.equals(e.path("data").path("organizationId").asText()),
                e -> e.path("data").path("version").asLong() == 4);
        List<JsonNode> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            assertThat(record.key()).isEqualTo(org);
            events.add(Json.MAPPER.readTree(record.value()));
        }
        assertThat(events).extracting(e -> e.path("data").path("version").asLong()).containsExactly(0L, 2L, 4L);
        assertThat(events).extracting(e -> e.path("data").path("adminApiEnabled").asBoolean())
                .containsExactly(false, true, true);
        assertThat(events).extracting(e -> e.path("data").path("userApiEnabled").asBoolean())
                .containsExactly(false, false, true);
        JsonNode created = events.get(0);
        assertThat(created.path("specversion").asText()).isEqualTo("1.0");
        assertThat(UUID.fromString(created.path("id").asText())).isNotNull();
        assertThat(created.path("source").asText()).isEqualTo("/onecloud/resource-service");
        assertThat(created.path("subject").asText()).isEqualTo(org);
        assertThat(created.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(Instant.parse(created.path("time").asText())).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(created.path("data").path("adminApiEnabled").isBoolean()).isTrue();
        assertThat(created.path("data").has("userId")).as("an organization's, not a user's").isFalse();
        assertThat(Instant.parse(created.path("data").path("changedAt").asText()))
                .isEqualTo(Instant.parse(created.path("time").asText()));
        assertThat(count("SELECT count(*) FROM outbox_event WHERE event_key = ? AND payload LIKE '%"
                + Topics.ACTIVATION_CHANGED + "%'", org)).as("nothing more to come").isEqualTo(3);
    }

    @Test
    void aUsersActivationIsAnnouncedWhenTheUserIsCreatedAndWhenTheFlagChanges() throws Exception {
        String org = Fixtures.organization("Events user activation");
        Credential app = Credentials.application(org, Api.USERS);
        String email = Fixtures.email("activation");
        String userId = Fixtures.user(org, "Flag", "Events", email, null);
        String path = "/api/admin/v1/organizations/" + org + "/users/" + userId;
        Map<String, Object> body = new HashMap<>(Map.of("firstName", "Flag", "lastName", "Events", "email", email));
        body.put("userApiEnabled", false);
        app.spec().contentType("application/json").header("If-Match", "\"0\"").body(body).put(path).then()
                .statusCode(200).body("version", equalTo(1));
        body.remove("userApiEnabled");
        body.put("lastName", "Renamed");
        app.spec().contentType("application/json").header("If-Match", "\"1\"").body(body).put(path).then()
                .statusCode(200).body("version", equalTo(2));
        body.put("userApiEnabled", true);
        app.spec().contentType("application/json").header("If-Match", "\"2\"").body(body).put(path).then()
                .statusCode(200).body("version", equalTo(3));
        Map<String, Object> createdOff = new HashMap<>(Map.of("firstName", "Off", "lastName", "From start",
                "email", Fixtures.email("off"), "userApiEnabled", false));
        String offId = app.spec().contentType("application/json").body(createdOff)
                .post("/api/admin/v1/organizations/" + org + "/users").then().statusCode(201).extract().path("id");

        List<ConsumerRecord<String, String>> records = awaitEvents(
                e -> Topics.ACTIVATION_CHANGED.equals(e.path("type").asText())
                        && org.equals(e.path("data").path("organizationId").asText()),
                e -> offId.equals(e.path("data").path("userId").asText()));
        List<JsonNode> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            assertThat(record.key()).as("keyed by the organization").isEqualTo(org);
            events.add(Json.MAPPER.readTree(record.value()));
        }
        List<JsonNode> users = events.stream().filter(e -> e.path("data").has("userId")).toList();
        assertThat(users).extracting(e -> e.path("data").path("userId").asText())
                .containsExactly(userId, userId, userId, offId);
        assertThat(users).extracting(e -> e.path("data").path("version").asLong()).containsExactly(0L, 1L, 3L, 0L);
        assertThat(users).extracting(e -> e.path("data").path("userApiEnabled").asBoolean())
                .containsExactly(true, false, true, false);
        JsonNode switchedOff = users.get(1);
        assertThat(switchedOff.path("subject").asText()).isEqualTo(userId);
        assertThat(switchedOff.path("source").asText()).isEqualTo("/onecloud/resource-service");
        assertThat(switchedOff.path("data").has("adminApiEnabled")).as("a user's, not an organization's").isFalse();
        assertThat(switchedOff.path("data").path("userApiEnabled").isBoolean()).isTrue();
    }

    /**
     * The upgrade to the activation flags (schema-migrations' {@code db/resource/V5}) announces each organization that
     * existed before it with SQL of its own. That SQL runs here, as the migration's owner would run it, on one
     * organization of a temporary table of the same name (PostgreSQL looks there first), so that no real organization
     * is announced twice; its event then takes the real outbox table and relay and must read as the service's own.
     */
    @Test
    void theUpgradesAnnouncementOfAnExistingOrganizationReadsAsTheServicesOwn() throws Exception {
        String script;
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("db/resource/V5__api_activation.sql")) {
            assertThat(in).as("the migration on the test classpath").isNotNull();
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String announcement = script.substring(script.indexOf("DO $$"));
        String org = TokenFormat.newId();
        try (Connection owner = DriverManager.getConnection(EmbeddedPostgresResource.jdbcUrl(),
                EmbeddedPostgresResource.USER, EmbeddedPostgresResource.PASSWORD)) {
            owner.setAutoCommit(false);
            try (Statement s = owner.createStatement()) {
                s.execute("CREATE TEMP TABLE organization (id varchar(16), version bigint) ON COMMIT DROP");
                s.execute("INSERT INTO organization VALUES ('" + org + "', 7)");
                s.execute(announcement);
            }
            owner.commit();
        }

        ConsumerRecord<String, String> record = awaitEvent(e -> org.equals(e.path("subject").asText()));
        assertThat(record.key()).isEqualTo(org);
        JsonNode migrated = Json.MAPPER.readTree(record.value());
        JsonNode own = Json.MAPPER.readTree(json.writeValueAsString(
                DirectoryEvents.organizationActivation(org, true, true, 7)));
        assertThat(shape(migrated)).isEqualTo(shape(own));
        assertThat(shape(migrated.path("data"))).isEqualTo(shape(own.path("data")));
        for (String field : List.of("specversion", "source", "type", "subject", "datacontenttype")) {
            assertThat(migrated.path(field)).as(field).isEqualTo(own.path(field));
        }
        assertThat(migrated.path("type").asText()).isEqualTo(Topics.ACTIVATION_CHANGED);
        assertThat(UUID.fromString(migrated.path("id").asText())).isNotNull();

        CloudEvent<ActivationChanged> event = json.readValue(record.value(),
                new TypeReference<CloudEvent<ActivationChanged>>() { });
        assertThat(event.time()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(event.data()).isEqualTo(new ActivationChanged(org, null, true, true, 7, event.time()));
        assertThat(count("SELECT count(*) FROM outbox_event WHERE id = ?::uuid AND published_at IS NOT NULL",
                event.id())).isEqualTo(1);
    }

    /** Each field's name and JSON type, in name order. */
    private static Map<String, JsonNodeType> shape(JsonNode node) {
        Map<String, JsonNodeType> shape = new TreeMap<>();
        node.fields().forEachRemaining(field -> shape.put(field.getKey(), field.getValue().getNodeType()));
        return shape;
    }

    private static void createContact(Credential owner, String firstName) {
        owner.spec().contentType("application/json").body(Map.of("firstName", firstName))
                .post("/api/user/v1/contacts").then().statusCode(201);
    }

    private static ConsumerRecord<String, String> awaitEvent(Predicate<JsonNode> wanted) throws Exception {
        List<ConsumerRecord<String, String>> records = awaitEvents(wanted, e -> true);
        return records.get(records.size() - 1);
    }

    /** Every record {@code wanted} matches, in topic order, up to the first that {@code last} matches too. */
    private static List<ConsumerRecord<String, String>> awaitEvents(Predicate<JsonNode> wanted,
            Predicate<JsonNode> last) throws Exception {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaResource.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "directory-events-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.DIRECTORY_EVENTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode event = Json.MAPPER.readTree(record.value());
                    if (wanted.test(event)) {
                        found.add(record);
                        if (last.test(event)) {
                            return found;
                        }
                    }
                }
            }
        }
        throw new AssertionError("no matching event on " + Topics.DIRECTORY_EVENTS + " within 60 s");
    }

    private static long count(String sql, String parameter) throws SQLException {
        try (Connection c = DriverManager.getConnection(EmbeddedPostgresResource.jdbcUrl(),
                EmbeddedPostgresResource.USER, EmbeddedPostgresResource.PASSWORD);
                PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
