package com.onecloud.outbox;

import java.util.function.Supplier;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Transactions that run to their end once started. A client that hangs up cancels its request's {@code Uni}; a
 * Hibernate Reactive transaction cancelled halfway has its session closed under it (HR000090, "possible non-threadsafe
 * access to session") and leaves errors in the log. Detached from that cancellation, the transaction commits or rolls
 * back as it would have, and only its answer is dropped.
 */
public final class Transactions {

    private Transactions() {
    }

    /** {@link Panache#withTransaction(Supplier)}, carried out to its end even if the caller stops waiting. */
    public static <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        return uncancellable(Panache.withTransaction(work));
    }

    /**
     * {@code work} runs to its end once subscribed, whether or not its subscriber is still there; an emitter whose
     * subscriber has gone drops the answer silently.
     */
    static <T> Uni<T> uncancellable(Uni<T> work) {
        return Uni.createFrom().emitter(emitter -> work.subscribe().with(emitter::complete, emitter::fail));
    }
}
