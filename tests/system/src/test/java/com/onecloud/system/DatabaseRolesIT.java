package com.onecloud.system;

import static com.onecloud.system.Clients.app;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * Each service connects to PostgreSQL with its own role, as in Kubernetes: ticket- and resource-service with rights on
 * their rows only, auth-service with read access to one view; none as the superuser the migrations ran as.
 */
class DatabaseRolesIT {

    @Test
    void eachServiceConnectsWithItsOwnRoleNeverTheSuperuser() throws SQLException {
        // A new application ticket (ticket-service writes) used on resource-service: auth-service has never seen it,
        // so it reads the credential from the database; resource-service reads the organization's users.
        String org = Clients.newOrganization("roles-" + UUID.randomUUID());
        Clients.AppTicket app = Clients.newApplication(org, "USERS");
        app(Clients.platform().resourceUrl(), app).get("/api/admin/v1/organizations/" + org + "/users")
                .then().statusCode(200);

        Map<String, Set<String>> rolesByDatabase = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(RunningPlatform.jdbcUrl("postgres"), RunningPlatform.SUPERUSER,
                RunningPlatform.SUPERUSER); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT datname, usename FROM pg_stat_activity"
                        + " WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
            while (rs.next()) {
                rolesByDatabase.computeIfAbsent(rs.getString(1), d -> new TreeSet<>()).add(rs.getString(2));
            }
        }
        assertThat(rolesByDatabase).containsOnly(
                entry("onecloud_tickets", Set.of("onecloud_ticket_service", "onecloud_auth_reader")),
                entry("onecloud_resources", Set.of("onecloud_resource_service")));
    }
}
