package com.onecloud.resource.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import org.awaitility.Awaitility;

import com.onecloud.testsupport.EmbeddedPostgresResource;

/**
 * An organization's deletion held open in a transaction of its own, so that a request can be raced against it
 * deterministically: the request's insert waits for the deleted row's lock, then the deletion commits under it.
 */
public final class OrganizationDeletion implements AutoCloseable {

    private final Connection connection;

    private OrganizationDeletion(Connection connection) {
        this.connection = connection;
    }

    /** Deletes the organization (and, by cascade, its directory and contacts) without committing yet. */
    public static OrganizationDeletion begin(String orgId) throws SQLException {
        Connection connection = connect();
        connection.setAutoCommit(false);
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM organization WHERE id = ?")) {
            delete.setString(1, orgId);
            if (delete.executeUpdate() != 1) {
                throw new IllegalStateException("no organization " + orgId);
            }
        }
        return new OrganizationDeletion(connection);
    }

    /** Waits until another session's insert into {@code table} waits for a lock, then commits the deletion. */
    public void commitOnceAnInsertWaits(String table) throws SQLException {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> insertsWaitingForALock(table) > 0);
        connection.commit();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    private static long insertsWaitingForALock(String table) throws SQLException {
        try (Connection c = connect(); PreparedStatement query = c.prepareStatement("SELECT count(*) FROM"
                + " pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE 'insert into ' || ? || ' %'")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(EmbeddedPostgresResource.jdbcUrl(), EmbeddedPostgresResource.USER,
                EmbeddedPostgresResource.PASSWORD);
    }
}
