package com.onecloud.resource.common;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.onecloud.http.problem.Conflict;
import com.onecloud.http.problem.NotFound;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.pgclient.PgException;

/** Database outcomes that are the client's 409 or 404, not a server error. */
public final class Persistence {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    /** Raised by the schema's trigger {@code contact_owner_not_deleted}. */
    private static final String CONTACT_OWNER_DELETED = "OC001";

    private Persistence() {
    }

    /** Every row a query found, mapped, in its order. */
    public static <T> List<T> all(RowSet<Row> rows, Function<Row, T> mapper) {
        List<T> all = new ArrayList<>(rows.size());
        for (Row row : rows) {
            all.add(mapper.apply(row));
        }
        return all;
    }

    /** The number a {@code SELECT count(*)} answered. */
    public static long count(RowSet<Row> rows) {
        return rows.iterator().next().getLong(0);
    }

    /** A {@code DELETE} by key that matched no row is a 404 with {@code notFound} as its detail. */
    public static void requireDeleted(RowSet<Row> rows, String notFound) {
        if (rows.rowCount() == 0) {
            throw new NotFound(notFound);
        }
    }

    /** The one row a query by key found, or a 404 with {@code notFound} as its detail. */
    public static <T> T one(RowSet<Row> rows, Function<Row, T> mapper, String notFound) {
        Iterator<Row> found = rows.iterator();
        if (!found.hasNext()) {
            throw new NotFound(notFound);
        }
        return mapper.apply(found.next());
    }

    /**
     * Optimistic locking: {@code update} is an {@code UPDATE ... WHERE version = expected ... RETURNING} that also
     * increments the version, so of two writers of the same version only one matches a row. When it matched none,
     * {@code currentVersion} (a {@code SELECT version} of the same row) tells a missing row (404) from a stale
     * version (409).
     */
    public static <T> Uni<T> updated(Uni<RowSet<Row>> update, Function<Row, T> mapper,
            Supplier<Uni<RowSet<Row>>> currentVersion, long expected, String resource, String notFound) {
        return update.chain(rows -> {
            Iterator<Row> updated = rows.iterator();
            if (updated.hasNext()) {
                return Uni.createFrom().item(mapper.apply(updated.next()));
            }
            return currentVersion.get().map(current -> {
                long version = one(current, row -> row.getLong(0), notFound);
                throw new Conflict("Version " + expected + " is stale; the " + resource + " is at version " + version
                        + ".");
            });
        });
    }

    /** A duplicate of a unique key (PostgreSQL 23505), e.g. a user's email within the organization. */
    public static <T> Uni<T> duplicateAsConflict(Uni<T> work, String detail) {
        return work.onFailure(causedBy(sqlState(UNIQUE_VIOLATION))).transform(e -> new Conflict(detail));
    }

    /** A row the insert refers to (its organization) does not exist (PostgreSQL 23503), or was deleted meanwhile. */
    public static <T> Uni<T> missingParentAsNotFound(Uni<T> work, String detail) {
        return work.onFailure(causedBy(sqlState(FOREIGN_KEY_VIOLATION))).transform(e -> new NotFound(detail));
    }

    /** The owner of the contact the insert makes was deleted (the schema's tombstone of the user). */
    public static <T> Uni<T> deletedOwnerAsNotFound(Uni<T> work, String detail) {
        return work.onFailure(causedBy(sqlState(CONTACT_OWNER_DELETED))).transform(e -> new NotFound(detail));
    }

    private static Predicate<Throwable> sqlState(String state) {
        return t -> t instanceof PgException driver && state.equals(driver.getSqlState());
    }

    private static Predicate<Throwable> causedBy(Predicate<Throwable> test) {
        return e -> {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (test.test(t)) {
                    return true;
                }
            }
            return false;
        };
    }
}
