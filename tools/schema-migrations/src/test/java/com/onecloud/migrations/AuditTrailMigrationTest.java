package com.onecloud.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit trail is append-only in fact, in both databases: the service's role adds and reads entries and can neither
 * change nor remove one; the retention function removes only entries older than its bound, and refuses a bound under
 * one day.
 */
class AuditTrailMigrationTest {

    private static final Map<String, String> TICKET_ROLES = Map.of("serviceRole", "ticket_service_audit",
            "servicePassword", "ticket-service-audit-password", "authReaderRole", "reader_audit",
            "authReaderPassword", "reader-audit-password");
    private static final Map<String, String> RESOURCE_ROLES = Map.of("serviceRole", "resource_service_audit",
            "servicePassword", "resource-service-audit-password");
    private static final String INSERT = "INSERT INTO audit_entry (id, recorded_at, action, organization_id, "
            + "actor_kind, actor_id, actor_organization_id, target_type, target_id, source_address, changes) VALUES ";

    private static TestPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = TestPostgres.start("CREATE DATABASE tickets_audit", "CREATE DATABASE resources_audit");
        SchemaMigration.migrate(Schema.TICKET, target("tickets_audit"), TICKET_ROLES);
        SchemaMigration.migrate(Schema.RESOURCE, target("resources_audit"), RESOURCE_ROLES);
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void theServiceRoleAddsAndReadsEntriesButCannotChangeOrRemoveOne() throws Exception {
        for (Map<String, String> roles : List.of(TICKET_ROLES, RESOURCE_ROLES)) {
            String database = roles == TICKET_ROLES ? "tickets_audit" : "resources_audit";
            try (Connection service = postgres.connect(database, roles.get("serviceRole"), roles.get("servicePassword"));
                    Statement s = service.createStatement()) {
                assertThat(s.executeUpdate(INSERT + "('e1', now(), 'user.created', 'o1', 'APPLICATION', 't1', 'o1', "
                        + "'user', 'u1', '127.0.0.1', 'firstName,email')")).isOne();
                assertThat(s.executeUpdate(INSERT + "('e1', now(), 'user.deleted', 'o1', 'APPLICATION', 't1', 'o1', "
                        + "'user', 'u1', '127.0.0.1', '') ON CONFLICT (id) DO NOTHING")).as("delivered again").isZero();
                assertThat(strings(s, "SELECT action FROM audit_entry WHERE id = 'e1'")).containsExactly("user.created");
                assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_entry SET action = 'user.updated'"))
                        .as(database).isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_entry WHERE id = 'e1'"))
                        .as(database).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> s.execute("TRUNCATE audit_entry")).as(database)
                        .hasMessageContaining("permission denied");
                assertThatThrownBy(() -> s.executeUpdate(INSERT + "('e1', now(), 'user.deleted', 'o1', 'APPLICATION', "
                        + "'t1', 'o1', 'user', 'u1', '127.0.0.1', '') ON CONFLICT (id) DO UPDATE SET action = "
                        + "excluded.action")).as("an upsert is an update").hasMessageContaining("permission denied");
                assertThatThrownBy(() -> s.execute("ALTER TABLE audit_entry DISABLE TRIGGER ALL")).as(database)
                        .hasMessageContaining("must be owner");
                assertThat(strings(s, "SELECT action FROM audit_entry WHERE id = 'e1'")).containsExactly("user.created");
            }
        }
    }

    @Test
    void retentionRemovesOnlyEntriesOlderThanItsBoundAndNeverABoundUnderADay() throws Exception {
        for (Map<String, String> roles : List.of(TICKET_ROLES, RESOURCE_ROLES)) {
            String database = roles == TICKET_ROLES ? "tickets_audit" : "resources_audit";
            try (Connection service = postgres.connect(database, roles.get("serviceRole"), roles.get("servicePassword"));
                    Statement s = service.createStatement()) {
                s.executeUpdate(INSERT + "('old', now() - interval '401 days', 'ticket.created', 'o2', 'SUPERUSER', "
                        + "'t0', NULL, 'ticket', 't9', NULL, 'name'), "
                        + "('kept', now() - interval '399 days', 'ticket.created', 'o2', 'SUPERUSER', 't0', NULL, "
                        + "'ticket', 't8', NULL, 'name'), "
                        + "('recent', now() - interval '2 hours', 'ticket.created', 'o2', 'SUPERUSER', 't0', NULL, "
                        + "'ticket', 't7', NULL, 'name')");
                assertThatThrownBy(() -> s.execute("SELECT audit_entry_expire(interval '23 hours')")).as(database)
                        .hasMessageContaining("kept at least one day");
                assertThatThrownBy(() -> s.execute("SELECT audit_entry_expire(interval '-400 days')")).as(database)
                        .hasMessageContaining("kept at least one day");
                assertThatThrownBy(() -> s.execute("SELECT audit_entry_expire(NULL)")).as(database)
                        .hasMessageContaining("kept at least one day");
                assertThat(strings(s, "SELECT audit_entry_expire(interval '400 days')")).containsExactly("1");
                assertThat(strings(s, "SELECT id FROM audit_entry WHERE organization_id = 'o2' ORDER BY id"))
                        .containsExactly("kept", "recent");
                assertThat(strings(s, "SELECT audit_entry_expire(interval '400 days')")).as("again").containsExactly("0");
                assertThat(strings(s, "SELECT audit_entry_expire(interval '1 day')")).containsExactly("1");
                assertThat(strings(s, "SELECT id FROM audit_entry WHERE organization_id = 'o2' ORDER BY id"))
                        .containsExactly("recent");
            }
            try (Connection owner = postgres.connect(database, "postgres", "postgres");
                    Statement s = owner.createStatement()) {
                assertThat(strings(s, "SELECT has_function_privilege('public', 'audit_entry_expire(interval)', "
                        + "'EXECUTE')")).as("nobody else may call it").containsExactly("f");
                assertThat(strings(s, "SELECT prosecdef FROM pg_proc WHERE proname = 'audit_entry_expire'"))
                        .containsExactly("t");
            }
        }
    }

    private static SchemaMigration.Target target(String database) {
        return new SchemaMigration.Target(postgres.url(database), "postgres", "postgres");
    }

    private static List<String> strings(Statement s, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
