package com.onecloud.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The seeded organization's directory for the list paths and the console's pages: {@code BENCH_USERS} users (surnames
 * {@code Last1...}, as the contacts', so that a search finds both kinds), each with a USER ticket, inserted straight
 * into resource- and ticket-service's tables (through the APIs, 10,000 of each would take minutes and measure nothing
 * the other runs do not), then {@code VACUUM ANALYZE}d.
 */
final class DirectorySeed {

    private DirectorySeed() {
    }

    /**
     * Inserts the directory unless this run has it already.
     *
     * @return how long the inserts took, in seconds (0 when the directory was there)
     */
    static double plant(Seed seed, int postgresPort, int users) throws SQLException {
        try (Connection c = connect(postgresPort, "onecloud_tickets"); Statement s = c.createStatement();
                ResultSet there = s.executeQuery("SELECT 1 FROM ticket WHERE id = '" + ticketId(1) + "'")) {
            if (there.next()) {
                return 0;
            }
        }
        long t0 = System.nanoTime();
        try (Connection c = connect(postgresPort, "onecloud_resources"); PreparedStatement s = c.prepareStatement("""
                INSERT INTO directory_user (id, organization_id, first_name, last_name, email, phone_number, version,
                                            created_at)
                SELECT 'benchu' || lpad(i::text, 10, '0'), ?, 'User' || i, 'Last' || i, 'user' || i || '@example.com',
                       '+4940' || lpad(i::text, 8, '0'), 0, now() - make_interval(secs => i)
                FROM generate_series(1, ?) AS i""")) {
            s.setString(1, seed.org());
            s.setInt(2, users);
            s.executeUpdate();
            try (Statement analyze = c.createStatement()) {
                analyze.execute("VACUUM ANALYZE directory_user");
                analyze.execute("VACUUM ANALYZE contact");
            }
        }
        try (Connection c = connect(postgresPort, "onecloud_tickets"); PreparedStatement s = c.prepareStatement("""
                INSERT INTO ticket (id, organization_id, user_id, kind, name, apis, created_at, expires_at)
                SELECT 'bencht' || lpad(i::text, 10, '0'), ?, 'benchu' || lpad(i::text, 10, '0'), 'USER',
                       'bench ticket ' || i, 'CONTACTS', now() - make_interval(secs => i), now() + interval '1 day'
                FROM generate_series(1, ?) AS i""")) {
            s.setString(1, seed.org());
            s.setInt(2, users);
            s.executeUpdate();
            try (Statement analyze = c.createStatement()) {
                analyze.execute("VACUUM ANALYZE ticket");
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The id of the {@code i}-th seeded user (from 1). */
    static String userId(int i) {
        return "benchu" + String.format("%010d", i);
    }

    /** The id of the {@code i}-th seeded user's ticket (from 1). */
    static String ticketId(int i) {
        return "bencht" + String.format("%010d", i);
    }

    private static Connection connect(int postgresPort, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort + "/" + database, "postgres",
                "postgres");
    }
}
