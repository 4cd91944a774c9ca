package com.onecloud.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EmbeddedPostgresResourceTest {

    @Test
    void aRowWrittenIsReadBack() throws Exception {
        Map<String, String> config = new EmbeddedPostgresResource().start();
        assertTrue(config.get("quarkus.datasource.reactive.url").startsWith("postgresql://localhost:"));
        String url = EmbeddedPostgresResource.jdbcUrl();
        assertTrue(url.startsWith("jdbc:postgresql://localhost:"), url);

        try (Connection c = DriverManager.getConnection(url, config.get("quarkus.datasource.username"),
                config.get("quarkus.datasource.password"))) {
            c.createStatement().execute("CREATE TABLE IF NOT EXISTS harness_check (id int PRIMARY KEY, note text)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO harness_check VALUES (?, ?)")) {
                insert.setInt(1, 42);
                insert.setString(2, "written");
                insert.executeUpdate();
            }
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT note, current_setting('server_version_num')::int FROM harness_check WHERE id = 42")) {
                assertTrue(rs.next());
                assertEquals("written", rs.getString(1));
                assertTrue(rs.getInt(2) >= 170000, "a real PostgreSQL 17 server answered");
            }
        }
    }
}
