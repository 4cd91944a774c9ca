package com.onecloud.outbox;

import io.smallrye.mutiny.Uni;

/**
 * Transactions that run to their end once started. A client that hangs up cancels its request's {@code Uni}; a
 * transaction cancelled halfway would be cut off between its statements (Hibernate Reactive closes the session under
 * it, HR000090, and logs errors). Detached from that cancellation, the transaction commits or rolls back as it would
 * have, and only its answer is dropped.
 */
public final class Uncancellable {

    private Uncancellable() {
    }

    /**
     * {@code work} runs to its end once subscribed, whether or not its subscriber is still there; an emitter whose
     * subscriber has gone drops the answer silently.
     */
    public static <T> Uni<T> run(Uni<T> work) {
        return Uni.createFrom().emitter(emitter -> work.subscribe().with(emitter::complete, emitter::fail));
    }
}
