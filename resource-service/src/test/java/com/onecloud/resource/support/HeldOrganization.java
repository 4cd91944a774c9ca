package com.onecloud.resource.support;

import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.onecloud.testsupport.HeldTransaction;

import io.restassured.response.Response;

/**
 * An organization's row held by a transaction of the test's own, so that a request can be raced against it
 * deterministically: the request's insert of a row that refers to the organization waits for the held row's lock
 * until the test commits (a deletion) or rolls back (a lock).
 */
public final class HeldOrganization implements AutoCloseable {

    private final HeldTransaction transaction;

    private HeldOrganization(HeldTransaction transaction) {
        this.transaction = transaction;
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
        HeldTransaction.awaitWaiting(null, "insert into " + table + " %");
    }

    /** Ends the hold: a deletion takes effect, a lock is released. */
    public void commit() throws SQLException {
        transaction.commit();
    }

    @Override
    public void close() throws SQLException {
        transaction.close();
    }

    private static HeldOrganization hold(String sql, String orgId) throws SQLException {
        HeldTransaction transaction = new HeldTransaction();
        if (transaction.execute(sql, orgId) != 1) {
            transaction.close();
            throw new IllegalStateException("no organization " + orgId);
        }
        return new HeldOrganization(transaction);
    }
}
