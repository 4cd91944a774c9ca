package com.onecloud.resource.common;

import java.util.function.Predicate;

import org.hibernate.JDBCException;
import org.hibernate.StaleStateException;

import com.onecloud.edge.error.Conflict;
import com.onecloud.edge.error.NotFound;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

/** Database outcomes of a race with another request that are the client's 409 or 404, not a server error. */
public final class Persistence {

    static final String STALE = "The resource was changed meanwhile; read it again and retry with its new version.";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private Persistence() {
    }

    /** A concurrent update of the same version: only one PUT wins. */
    public static <T> Uni<T> staleAsConflict(Uni<T> work) {
        return work.onFailure(causedBy(t -> t instanceof StaleStateException
                || t instanceof jakarta.persistence.OptimisticLockException))
                .transform(e -> new Conflict(STALE));
    }

    /** A duplicate of a unique key (PostgreSQL 23505) that slipped past the service's own check in a race. */
    public static <T> Uni<T> duplicateAsConflict(Uni<T> work, String detail) {
        return work.onFailure(causedBy(sqlState(UNIQUE_VIOLATION))).transform(e -> new Conflict(detail));
    }

    /**
     * A row the insert refers to (its organization) was deleted after the service's own check and before the commit
     * (PostgreSQL 23503): the same answer as if it had been gone before the request.
     */
    public static <T> Uni<T> missingParentAsNotFound(Uni<T> work, String detail) {
        return work.onFailure(causedBy(sqlState(FOREIGN_KEY_VIOLATION))).transform(e -> new NotFound(detail));
    }

    /** Hibernate's exception carries the SQLSTATE when it converted the driver's; the driver's own always does. */
    private static Predicate<Throwable> sqlState(String state) {
        return t -> t instanceof JDBCException converted && state.equals(converted.getSQLState())
                || t instanceof PgException driver && state.equals(driver.getSqlState());
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
