package com.onecloud.ticket.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

import org.awaitility.Awaitility;

import com.onecloud.testsupport.EmbeddedPostgresResource;

/**
 * A transaction of the test's own on the service's database, held open while the service works, so that a race can be
 * run in a chosen order: what it locks, the service waits for until {@link #commit()}.
 */
public final class HeldTransaction implements AutoCloseable {

    private final Connection connection;

    public HeldTransaction() throws SQLException {
        connection = DriverManager.getConnection(EmbeddedPostgresResource.jdbcUrl(), EmbeddedPostgresResource.USER,
                EmbeddedPostgresResource.PASSWORD);
        connection.setAutoCommit(false);
    }

    /** Runs {@code sql} in the held transaction. */
    public HeldTransaction execute(String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.execute();
        }
        return this;
    }

    public void commit() throws SQLException {
        connection.commit();
    }

    /** Rolls back whatever was not committed. */
    @Override
    public void close() throws SQLException {
        connection.close();
    }

    /**
     * Waits until another session waits for a lock (of type {@code lockType}: {@code advisory}, {@code relation},
     * {@code transactionid}, ...) in a statement that matches the {@code ILIKE} pattern {@code statement}; fails after
     * 20 s.
     */
    public static void awaitWaiting(String lockType, String statement) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> waiting(lockType, statement));
    }

    /** {@link #awaitWaiting}, but returns whether it saw the wait within {@code limit} instead of failing. */
    public static boolean seenWaiting(String lockType, String statement, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (waiting(lockType, statement)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static boolean waiting(String lockType, String statement) {
        return Db.count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = ? "
                + "AND query ILIKE ?", lockType, statement) > 0;
    }
}
