package com.onecloud.migrations;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The ticket schema's counter rows (V9): they count the tickets an organization had before the migration, and every
 * insert and delete of ticket-service's role after it, in the same statement; the platform's SUPERUSER tickets have no
 * organization and no count.
 */
class TicketTotalsMigrationTest {

    private static final Map<String, String> ROLES = Map.of("serviceRole", "ticket_service_totals",
            "servicePassword", "ticket-service-totals-password", "authReaderRole", "reader_totals",
            "authReaderPassword", "reader-totals-password");
    private static final String TOTALS = "SELECT organization_id, sum(tickets) FROM ticket_count"
            + " GROUP BY organization_id ORDER BY organization_id";

    private static TestPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = TestPostgres.start("CREATE DATABASE tickets_totals");
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void theCountersHoldWhatExistedAndFollowEveryInsertAndDelete() throws Exception {
        Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(postgres.url("tickets_totals"), "postgres", "postgres")
                .locations(Schema.TICKET.locations()).placeholders(ROLES).target("8").load().migrate();
        try (Connection owner = postgres.connect("tickets_totals", "postgres", "postgres");
                Statement s = owner.createStatement()) {
            s.execute("INSERT INTO ticket (id, organization_id, user_id, kind, name, apis, created_at, expires_at)"
                    + " SELECT 'old' || n, 'o1', NULL, 'APPLICATION', 'app', 'USERS', now(), now() + interval '1 day'"
                    + " FROM generate_series(1, 40) n");
            s.execute("INSERT INTO ticket (id, organization_id, user_id, kind, name, apis, created_at, expires_at)"
                    + " VALUES ('t2', 'o2', 'u1', 'USER', 'phone', 'CONTACTS', now(), now() + interval '1 day'),"
                    + " ('su', NULL, NULL, 'SUPERUSER', 'admin', 'TICKETS', now(), now() + interval '1 day')");
        }

        SchemaMigration.migrate(Schema.TICKET, new SchemaMigration.Target(postgres.url("tickets_totals"), "postgres",
                "postgres"), ROLES);

        try (Connection service = postgres.connect("tickets_totals", "ticket_service_totals",
                "ticket-service-totals-password"); Statement s = service.createStatement()) {
            assertThat(rows(s, TOTALS)).as("what existed").containsExactly("o1 40", "o2 1");
            assertThat(rows(s, "SELECT count(*) > 1, max(tickets) < 40 FROM ticket_count WHERE organization_id = 'o1'"))
                    .as("spread over the shards").containsExactly("t t");

            s.execute("INSERT INTO ticket (id, organization_id, user_id, kind, name, apis, created_at, expires_at)"
                    + " SELECT 'new' || n, CASE WHEN n % 2 = 0 THEN 'o1' ELSE 'o3' END, NULL, 'APPLICATION', 'app',"
                    + " 'USERS', now(), now() + interval '1 day' FROM generate_series(1, 10) n");
            s.execute("DELETE FROM ticket WHERE id IN ('old1', 'old2', 'old3', 't2', 'su')");
            s.execute("UPDATE ticket SET revoked_at = now() WHERE id = 'old4'");

            assertThat(rows(s, TOTALS)).as("after the service's changes").containsExactly("o1 42", "o2 0", "o3 5");
            assertThat(rows(s, "SELECT organization_id, count(*) FROM ticket WHERE organization_id IS NOT NULL"
                    + " GROUP BY organization_id ORDER BY organization_id"))
                    .as("the same as counting").containsExactly("o1 42", "o3 5");
        }
    }

    private static List<String> rows(Statement statement, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(query)) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return rows;
    }
}
