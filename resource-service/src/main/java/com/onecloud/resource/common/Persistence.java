package com.onecloud.resource.common;

import java.util.function.Predicate;

import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;

import com.onecloud.edge.error.Conflict;

import io.smallrye.mutiny.Uni;

/** Database outcomes that are the client's conflict (409), not a server error. */
public final class Persistence {

    static final String STALE = "The resource was changed meanwhile; read it again and retry with its new version.";

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
        return work.onFailure(causedBy(t -> t instanceof ConstraintViolationException
                || t.getMessage() != null && t.getMessage().contains("23505")))
                .transform(e -> new Conflict(detail));
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
