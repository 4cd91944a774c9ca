package com.onecloud.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A transaction of the test's own on the embedded PostgreSQL, held open while the service works, so that a race can be
 * run in a chosen order: what it locks, the service waits for until {@link #commit()} (or {@link #close()}, which rolls
 * back). The static methods tell when a session of the service waits for a lock.
 */
public final class HeldTransaction implements AutoCloseable {

    private static final Duration AWAIT = Duration.ofSeconds(30);

    private final Connection connection;

    public HeldTransaction() throws SQLException {
        connection = connect();
        connection.setAutoCommit(false);
    }

    /** Runs {@code sql} in the held transaction; returns how many rows it returned or changed. */
    public int execute(String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            if (!statement.execute()) {
                return statement.getUpdateCount();
            }
            int rows = 0;
            try (ResultSet result = statement.getResultSet()) {
                while (result.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }

    public void commit() throws SQLException {
        connection.commit();
    }

    /** Ends the hold, rolling back whatever was not committed. */
    @Override
    public void close() throws SQLException {
        connection.close();
    }

    /**
     * Waits until another session waits for a lock of type {@code lockType} ({@code advisory}, {@code relation},
     * {@code transactionid}, ...; null for any) in a statement that matches the {@code ILIKE} pattern
     * {@code statement}; fails after 30 s.
     */
    public static void awaitWaiting(String lockType, String statement) {
        try {
            if (!seenWaiting(lockType, statement, AWAIT)) {
                throw new AssertionError("no session waited for a " + (lockType == null ? "" : lockType + " ")
                        + "lock in a statement like '" + statement + "' within " + AWAIT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** {@link #awaitWaiting}, but returns whether it saw the wait within {@code limit} instead of failing. */
    public static boolean seenWaiting(String lockType, String statement, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        do {
            if (waiting(lockType, statement)) {
                return true;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return false;
    }

    private static boolean waiting(String lockType, String statement) {
        try (Connection c = connect(); PreparedStatement query = c.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                + "WHERE wait_event_type = 'Lock' AND (? IS NULL OR wait_event = ?) AND query ILIKE ?")) {
            query.setString(1, lockType);
            query.setString(2, lockType);
            query.setString(3, statement);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(EmbeddedPostgresResource.jdbcUrl(), EmbeddedPostgresResource.USER,
                EmbeddedPostgresResource.PASSWORD);
    }
}
