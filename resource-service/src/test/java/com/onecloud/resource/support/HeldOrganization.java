package com.onecloud.resource.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.awaitility.Awaitility;

import com.onecloud.testsupport.EmbeddedPostgresResource;

import io.restassured.response.Response;

/**
 * An organization's row held by a transaction of the test's own, so that a request can be raced against it
 * deterministically: the request's insert of a row that refers to the organization waits for the held row's lock
 * until the test commits (a deletion) or rolls back (a lock).
 */
public final class HeldOrganization implements AutoCloseable {

    private final Connection connection;

    private HeldOrganization(Connection connection) {
        this.connection = connection;
    }

    /** Deletes the organization (and, by cascade, its directory and contacts) without committing yet. */
    private static HeldOrganization deleting(String orgId) throws SQLException {
        return hold("DELETE FROM organization WHERE id = ?", orgId);
    }

    /** Locks the organization's row as an update would, without changing it. */
    public static HeldOrganization locking(String orgId) throws SQLException {
        return hold("SELECT id FROM organization WHERE id = ? FOR UPDATE", orgId);
    }

    /**
     * Sends {@code request} so that the organization is deleted under it: the service still sees the organization,
     * then its insert into {@code table} waits for the deleted row's lock, and the deletion commits.
     */
    public static Response deletedDuring(String orgId, String table, Supplier<Response> request) throws Exception {
        try (HeldOrganization deletion = deleting(orgId)) {
            CompletableFuture<Response> response = CompletableFuture.supplyAsync(request);
            deletion.awaitAnInsertWaiting(table);
            deletion.commit();
            return response.get(30, TimeUnit.SECONDS);
        }
    }

    /** Waits until another session's insert into {@code table} waits for a lock (the held row's). */
    public void awaitAnInsertWaiting(String table) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> insertsWaitingForALock(table) > 0);
    }

    /** Ends the hold: a deletion takes effect, a lock is released. */
    public void commit() throws SQLException {
        connection.commit();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    private static HeldOrganization hold(String sql, String orgId) throws SQLException {
        Connection connection = connect();
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, orgId);
            if (statement.execute() ? !statement.getResultSet().next() : statement.getUpdateCount() != 1) {
                throw new IllegalStateException("no organization " + orgId);
            }
        }
        return new HeldOrganization(connection);
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
