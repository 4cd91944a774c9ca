package com.onecloud.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both schemas migrate on a real PostgreSQL, each with the outbox's table from the outbox's own set, a second run changes
 * nothing, each service's role gets the rows but not the schema or a migration history, and a missing value stops the
 * run. Upgrades keep what existed working: organizations from before the API activation flags have both APIs on.
 */
class SchemaMigrationTest {

    private static final Map<String, String> TICKET_ROLES = Map.of("serviceRole", "ticket_service_test",
            "servicePassword", "ticket-service-test-password", "authReaderRole", "reader_test",
            "authReaderPassword", "reader-test-password");
    private static final Map<String, String> RESOURCE_ROLES = Map.of("serviceRole", "resource_service_test",
            "servicePassword", "resource-service-test-password");

    private static final String OUTBOX_HISTORY = SchemaMigration.OUTBOX_HISTORY_SCHEMA + ".flyway_schema_history";

    private static TestPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = TestPostgres.start("CREATE DATABASE tickets", "CREATE DATABASE resources",
                "CREATE DATABASE untouched", "CREATE DATABASE tickets_roles", "CREATE DATABASE resources_roles",
                "CREATE DATABASE tickets_outbox", "CREATE DATABASE resources_outbox",
                "CREATE DATABASE resources_with_outbox", "CREATE DATABASE tickets_tombstones",
                "CREATE DATABASE resources_tombstones", "CREATE DATABASE resources_activation",
                "CREATE DATABASE resources_activation_without_outbox");
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void theTicketSchemaPublishesTheViewAuthServiceReadsAndItsRole() throws Exception {
        assertThat(SchemaMigration.migrate(Schema.TICKET, target("tickets"), TICKET_ROLES)).isPositive();
        assertThat(SchemaMigration.migrate(Schema.TICKET, target("tickets"), TICKET_ROLES)).as("up to date").isZero();
        try (Connection reader = connect("tickets", "reader_test", "reader-test-password");
                Statement s = reader.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM auth_v1.credential")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    @Test
    void theResourceSchemaCreatesTheDirectoryTables() throws Exception {
        assertThat(SchemaMigration.migrate(Schema.RESOURCE, target("resources"), RESOURCE_ROLES)).isPositive();
        try (Connection c = connect("resources", "postgres", "postgres"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM contact")) {
            assertThat(rs.next()).isTrue();
        }
        assertThat(SchemaMigration.migrate(Schema.RESOURCE, target("resources"), RESOURCE_ROLES)).isZero();
    }

    @Test
    void eachDatabaseGetsTheOutboxTableFromTheOutboxsOwnSet() throws Exception {
        SchemaMigration.migrate(Schema.TICKET, target("tickets_outbox"), TICKET_ROLES);
        SchemaMigration.migrate(Schema.RESOURCE, target("resources_outbox"), RESOURCE_ROLES);
        for (String database : new String[] { "tickets_outbox", "resources_outbox" }) {
            try (Connection c = connect(database, "postgres", "postgres"); Statement s = c.createStatement()) {
                assertThat(strings(s, "SELECT script FROM " + OUTBOX_HISTORY + " WHERE success AND type = 'SQL'"
                        + " ORDER BY installed_rank")).as(database + " outbox history").containsExactly("V1__outbox_event.sql");
                assertThat(strings(s, "SELECT script FROM flyway_schema_history WHERE success ORDER BY installed_rank"))
                        .as(database + " own history").isNotEmpty().noneMatch(script -> script.contains("outbox_event"));
                assertThat(strings(s, "SELECT count(*) FROM outbox_event")).containsExactly("0");
                assertThat(strings(s, "SELECT indexname FROM pg_indexes WHERE tablename = 'outbox_event'"))
                        .contains("outbox_unpublished_idx");
            }
        }
    }

    @Test
    void aDatabaseWhoseOutboxTableWasMadeBeforeTheOutboxsSetKeepsItWithItsRows() throws Exception {
        SchemaMigration.migrate(Schema.RESOURCE, target("resources_with_outbox"), RESOURCE_ROLES);
        // As a database migrated when the services' own first migrations made the table: a pending row, no outbox history.
        try (Connection c = connect("resources_with_outbox", "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + SchemaMigration.OUTBOX_HISTORY_SCHEMA + " CASCADE");
            s.execute("INSERT INTO outbox_event VALUES (gen_random_uuid(), 'directory-events', 'o1', '{}', now(), null)");
        }
        assertThat(SchemaMigration.migrate(Schema.RESOURCE, target("resources_with_outbox"), RESOURCE_ROLES))
                .as("the outbox's V1, nothing of the database's own").isOne();
        try (Connection c = connect("resources_with_outbox", "postgres", "postgres"); Statement s = c.createStatement()) {
            assertThat(strings(s, "SELECT event_key FROM outbox_event WHERE published_at IS NULL")).containsExactly("o1");
            assertThat(strings(s, "SELECT script FROM " + OUTBOX_HISTORY + " WHERE success AND type = 'SQL'"))
                    .containsExactly("V1__outbox_event.sql");
        }
    }

    @Test
    void eachServiceRoleMayChangeTheRowsButNotTheSchema() throws Exception {
        SchemaMigration.migrate(Schema.TICKET, target("tickets_roles"), TICKET_ROLES);
        SchemaMigration.migrate(Schema.RESOURCE, target("resources_roles"), RESOURCE_ROLES);
        assertRowsButNotSchema("tickets_roles", TICKET_ROLES, "ticket");
        assertRowsButNotSchema("resources_roles", RESOURCE_ROLES, "contact");
        try (Connection service = connect("tickets_roles", "ticket_service_test", "ticket-service-test-password");
                Statement s = service.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT count(*) FROM auth_v1.credential"))
                    .as("auth-service's view is not ticket-service's business").hasMessageContaining("permission denied");
        }
    }

    /** The service role reads and writes every table, later ones too, and can neither change a table nor add one. */
    private static void assertRowsButNotSchema(String database, Map<String, String> roles, String table)
            throws SQLException {
        String role = roles.get("serviceRole");
        try (Connection owner = connect(database, "postgres", "postgres"); Statement s = owner.createStatement()) {
            // What a later migration creates, as the owner the migrations run as.
            s.execute("CREATE TABLE IF NOT EXISTS added_later (id int)");
            try (ResultSet rs = s.executeQuery("SELECT tablename,"
                    + " has_table_privilege('" + role + "', tablename, 'SELECT, INSERT, UPDATE, DELETE'),"
                    + " has_table_privilege('" + role + "', tablename, 'TRUNCATE, REFERENCES, TRIGGER')"
                    + " FROM pg_tables WHERE schemaname = 'public'")) {
                int tables = 0;
                while (rs.next()) {
                    tables++;
                    boolean history = rs.getString(1).equals("flyway_schema_history");
                    assertThat(rs.getBoolean(2)).as(database + "." + rs.getString(1) + " rows").isEqualTo(!history);
                    assertThat(rs.getBoolean(3)).as(database + "." + rs.getString(1) + " beyond rows").isFalse();
                }
                assertThat(tables).as(database + " tables").isGreaterThan(3);
                assertThat(strings(s, "SELECT has_schema_privilege('" + role + "', '"
                        + SchemaMigration.OUTBOX_HISTORY_SCHEMA + "', 'USAGE')")).as("the outbox's history")
                        .containsExactly("f");
            }
        }
        try (Connection service = connect(database, role, roles.get("servicePassword"));
                Statement s = service.createStatement()) {
            assertThat(s.executeUpdate("DELETE FROM " + table + " WHERE false")).isZero();
            assertThat(s.executeUpdate("INSERT INTO added_later VALUES (1)")).isOne();
            assertThatThrownBy(() -> s.execute("CREATE TABLE sneaky (id int)")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.execute("ALTER TABLE " + table + " ADD COLUMN sneaky int"))
                    .hasMessageContaining("must be owner");
            assertThatThrownBy(() -> s.execute("DROP TABLE " + table)).hasMessageContaining("must be owner");
            assertThatThrownBy(() -> s.execute("DELETE FROM flyway_schema_history"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.execute("DELETE FROM " + OUTBOX_HISTORY))
                    .hasMessageContaining("permission denied");
            assertThat(s.executeUpdate("DELETE FROM outbox_event WHERE false")).as("the outbox's rows").isZero();
        }
    }

    @Test
    void eachServiceMayWriteATombstoneButNeverUndoIt() throws Exception {
        SchemaMigration.migrate(Schema.TICKET, target("tickets_tombstones"), TICKET_ROLES);
        try (Connection service = connect("tickets_tombstones", "ticket_service_test", "ticket-service-test-password");
                Statement s = service.createStatement()) {
            assertThat(s.executeUpdate("INSERT INTO deleted_user VALUES ('o1', 'u1', now())")).isOne();
            assertThat(s.executeUpdate("INSERT INTO deleted_organization VALUES ('o1', now())")).isOne();
            assertThat(s.executeUpdate("INSERT INTO deleted_user VALUES ('o1', 'u1', now()) ON CONFLICT DO NOTHING"))
                    .as("a second deletion event").isZero();
            assertThat(strings(s, "SELECT user_id FROM deleted_user WHERE organization_id = 'o1'")).containsExactly("u1");
            for (String table : new String[] { "deleted_user", "deleted_organization" }) {
                assertThatThrownBy(() -> s.executeUpdate("DELETE FROM " + table)).as(table)
                        .hasMessageContaining("permission denied");
                assertThatThrownBy(() -> s.executeUpdate("UPDATE " + table + " SET organization_id = 'o2'")).as(table)
                        .hasMessageContaining("permission denied");
                assertThatThrownBy(() -> s.execute("TRUNCATE " + table)).as(table)
                        .hasMessageContaining("permission denied");
            }
            assertThat(strings(s, "SELECT count(*) FROM ticket WHERE bootstrap")).containsExactly("0");
        }
        SchemaMigration.migrate(Schema.RESOURCE, target("resources_tombstones"), RESOURCE_ROLES);
        try (Connection service = connect("resources_tombstones", "resource_service_test",
                "resource-service-test-password"); Statement s = service.createStatement()) {
            s.execute("INSERT INTO organization VALUES ('o1', 'Org', 0, now())");
            s.execute("INSERT INTO contact (organization_id, owner_user_id, id, first_name, version, created_at) "
                    + "VALUES ('o1', 'u1', 'c1', 'Before', 0, now())");
            assertThat(s.executeUpdate("INSERT INTO deleted_user VALUES ('o1', 'u1', now())")).isOne();
            assertThatThrownBy(() -> s.execute("INSERT INTO contact (organization_id, owner_user_id, id, first_name, "
                    + "version, created_at) VALUES ('o1', 'u1', 'c2', 'After', 0, now())"))
                    .as("a contact of a deleted user").hasMessageContaining("the owner of the contact was deleted");
            assertThat(s.executeUpdate("INSERT INTO contact (organization_id, owner_user_id, id, first_name, version, "
                    + "created_at) VALUES ('o1', 'u2', 'c3', 'Other', 0, now())")).as("another user's").isOne();
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM deleted_user"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeUpdate("UPDATE deleted_user SET user_id = 'u3'"))
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void organizationsFromBeforeTheActivationFlagsHaveBothApisOnAndAreAnnouncedNewOnesHaveThemOff() throws Exception {
        migrateResourceBeforeActivation("resources_activation", true);
        try (Connection c = connect("resources_activation", "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("INSERT INTO organization VALUES ('o1', 'Running customer', 7, now())");
            s.execute("INSERT INTO organization VALUES ('o2', 'Another one', 0, now())");
            s.execute("INSERT INTO directory_user (organization_id, id, first_name, last_name, email, version, "
                    + "created_at) VALUES ('o1', 'u1', 'Ann', 'Before', 'ann@example.com', 2, now())");
        }

        assertThat(SchemaMigration.migrate(Schema.RESOURCE, target("resources_activation"), RESOURCE_ROLES))
                .as("the activation migration, the audit trail's (V6) and the list totals' (V9)").isEqualTo(3);

        try (Connection c = connect("resources_activation", "postgres", "postgres"); Statement s = c.createStatement()) {
            assertThat(strings(s, "SELECT id || ':' || admin_api_enabled || ':' || user_api_enabled || ':' || version"
                    + " FROM organization ORDER BY id")).as("both APIs on, versions unchanged")
                    .containsExactly("o1:true:true:7", "o2:true:true:0");
            assertThat(strings(s, "SELECT user_api_enabled FROM directory_user WHERE id = 'u1'")).containsExactly("t");

            // One activation event per organization, pending in the outbox, as DirectoryEvents would have made it.
            assertThat(strings(s, "SELECT event_key FROM outbox_event WHERE topic = 'directory-events'"
                    + " AND published_at IS NULL ORDER BY event_key")).containsExactly("o1", "o2");
            assertThat(strings(s, "SELECT count(*) FROM outbox_event WHERE payload::json->>'id' <> id::text"))
                    .as("the event's id is the row's").containsExactly("0");
            String event = "(SELECT payload::json AS e FROM outbox_event WHERE event_key = 'o1') AS p";
            assertThat(strings(s, "SELECT concat_ws('|', e->>'specversion', e->>'source', e->>'type', e->>'subject',"
                    + " e->>'datacontenttype') FROM " + event)).containsExactly(
                    "1.0|/onecloud/resource-service|onecloud.activation.changed.v1|o1|application/json");
            assertThat(strings(s, "SELECT concat_ws('|', e->'data'->>'organizationId', e->'data'->'adminApiEnabled',"
                    + " e->'data'->'userApiEnabled', e->'data'->'version', e->'data'->'userId' IS NULL) FROM " + event))
                    .as("JSON booleans and a number, no user").containsExactly("o1|true|true|7|t");
            assertThat(UUID.fromString(strings(s, "SELECT e->>'id' FROM " + event).get(0))).isNotNull();
            Instant time = Instant.parse(strings(s, "SELECT e->>'time' FROM " + event).get(0));
            assertThat(time).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(60));
            assertThat(Instant.parse(strings(s, "SELECT e->'data'->>'changedAt' FROM " + event).get(0))).isEqualTo(time);

            // After it: a new organization has both APIs off, a new user its User API on.
            s.execute("INSERT INTO organization VALUES ('o3', 'New customer', 0, now())");
            s.execute("INSERT INTO directory_user (organization_id, id, first_name, last_name, email, version, "
                    + "created_at) VALUES ('o3', 'u3', 'Bo', 'After', 'bo@example.com', 0, now())");
            assertThat(strings(s, "SELECT admin_api_enabled || ':' || user_api_enabled FROM organization"
                    + " WHERE id = 'o3'")).containsExactly("false:false");
            assertThat(strings(s, "SELECT user_api_enabled FROM directory_user WHERE id = 'u3'")).containsExactly("t");
            assertThatThrownBy(() -> s.execute("UPDATE organization SET user_api_enabled = null WHERE id = 'o3'"))
                    .hasMessageContaining("null value");
        }
        assertThat(SchemaMigration.migrate(Schema.RESOURCE, target("resources_activation"), RESOURCE_ROLES)).isZero();
        try (Connection c = connect("resources_activation", "postgres", "postgres"); Statement s = c.createStatement()) {
            assertThat(strings(s, "SELECT count(*) FROM outbox_event")).as("announced once").containsExactly("2");
        }
    }

    @Test
    void organizationsWithoutAnOutboxToAnnounceThemStopTheActivationMigration() throws Exception {
        migrateResourceBeforeActivation("resources_activation_without_outbox", false);
        try (Connection c = connect("resources_activation_without_outbox", "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO organization VALUES ('o1', 'Running customer', 0, now())");
        }
        assertThatThrownBy(() -> SchemaMigration.migrate(Schema.RESOURCE,
                target("resources_activation_without_outbox"), RESOURCE_ROLES))
                .isInstanceOf(SchemaMigration.Failed.class).hasMessageContaining("outbox_event");
        try (Connection c = connect("resources_activation_without_outbox", "postgres", "postgres");
                Statement s = c.createStatement()) {
            assertThat(strings(s, "SELECT count(*) FROM information_schema.columns"
                    + " WHERE table_name = 'organization' AND column_name LIKE '%api_enabled'"))
                    .as("rolled back as a whole").containsExactly("0");
        }
    }

    /** A resource database as the migrations left it before the activation flags (V5), with or without its outbox. */
    private static void migrateResourceBeforeActivation(String database, boolean withOutbox) {
        Flyway.configure(SchemaMigration.class.getClassLoader()).dataSource(postgres.url(database), "postgres",
                "postgres").locations(Schema.RESOURCE.locations()).placeholders(RESOURCE_ROLES).target("4").load()
                .migrate();
        if (withOutbox) {
            Flyway.configure(SchemaMigration.class.getClassLoader()).dataSource(postgres.url(database), "postgres",
                    "postgres").schemas(SchemaMigration.OUTBOX_HISTORY_SCHEMA)
                    .locations(SchemaMigration.OUTBOX_LOCATION).load().migrate();
        }
    }

    @Test
    void aMissingPlaceholderStopsTheRunBeforeAnythingIsApplied() throws Exception {
        assertThatThrownBy(() -> SchemaMigration.migrate(Schema.TICKET, target("untouched"),
                Map.of("serviceRole", "ticket_service_test", "servicePassword", "x", "authReaderRole", "reader_test")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("authReaderPassword");
        try (Connection c = connect("untouched", "postgres", "postgres"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    @Test
    void schemasAreNamedAsOnTheCommandLine() {
        assertThat(Schema.named("ticket")).isEqualTo(Schema.TICKET);
        assertThat(Schema.named("RESOURCE")).isEqualTo(Schema.RESOURCE);
        assertThatThrownBy(() -> Schema.named("tickets")).hasMessageContaining("expected ticket or resource");
    }

    private static List<String> strings(Statement statement, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static SchemaMigration.Target target(String database) {
        return new SchemaMigration.Target(postgres.url(database), "postgres", "postgres");
    }

    private static Connection connect(String database, String user, String password) throws SQLException {
        return postgres.connect(database, user, password);
    }
}
