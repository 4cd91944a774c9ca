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

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The upgrade to API activation on the ticket schema: organizations in service before it (those with tickets) stay
 * active for auth-service, new ones are not until resource-service announces them, and auth-service's role reads the
 * activation view and nothing behind it.
 */
class TicketActivationMigrationTest {

    private static final Map<String, String> ROLES = Map.of("serviceRole", "ticket_service_act",
            "servicePassword", "ticket-service-act-password", "authReaderRole", "reader_act",
            "authReaderPassword", "reader-act-password");

    private static TestPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = TestPostgres.start("CREATE DATABASE tickets_upgrade");
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void organizationsWithTicketsBeforeTheUpgradeStayActiveAndTheReaderSeesOnlyTheView() throws Exception {
        Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(postgres.url("tickets_upgrade"), "postgres", "postgres")
                .locations(Schema.TICKET.locations()).placeholders(ROLES).target("4").load().migrate();
        try (Connection owner = postgres.connect("tickets_upgrade", "postgres", "postgres");
                Statement s = owner.createStatement()) {
            s.execute("INSERT INTO ticket (id, organization_id, user_id, kind, name, apis, created_at, expires_at)"
                    + " VALUES ('t1', 'o-old', NULL, 'APPLICATION', 'app', 'USERS', now(), now() + interval '1 day'),"
                    + " ('t2', 'o-old', 'u1', 'USER', 'phone', 'CONTACTS', now(), now() + interval '1 day'),"
                    + " ('t3', NULL, NULL, 'SUPERUSER', 'admin', 'TICKETS', now(), now() + interval '1 day')");
        }

        SchemaMigration.migrate(Schema.TICKET, new SchemaMigration.Target(postgres.url("tickets_upgrade"), "postgres",
                "postgres"), ROLES);

        try (Connection reader = postgres.connect("tickets_upgrade", "reader_act", "reader-act-password");
                Statement s = reader.createStatement()) {
            assertThat(rows(s, "SELECT organization_id, user_id, admin_api_enabled::text, user_api_enabled::text"
                    + " FROM auth_v1.activation")).containsExactly("o-old null true true");
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM activation"))
                    .hasMessageContaining("permission denied");
        }
        try (Connection service = postgres.connect("tickets_upgrade", "ticket_service_act",
                "ticket-service-act-password"); Statement s = service.createStatement()) {
            assertThat(s.executeUpdate("INSERT INTO activation (organization_id, user_id, user_api_enabled, version,"
                    + " changed_at) VALUES ('o-old', 'u1', false, 3, now())")).as("a user's own flag").isOne();
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO activation (organization_id, user_api_enabled,"
                    + " version, changed_at) VALUES ('o-new', true, 0, now())"))
                    .as("an organization's row without its Admin API flag").hasMessageContaining("check constraint");
        }
    }

    private static List<String> rows(Statement statement, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(query)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(rs.getString(i)));
                }
                rows.add(String.join(" ", values));
            }
        }
        return rows;
    }
}
