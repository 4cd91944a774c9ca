package com.onecloud.ticket.support;

import java.util.function.Supplier;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/** Runs reactive (Hibernate Reactive) work from a plain thread — a job, a consumer — and waits for its result. */
public final class BlockingAwait {

    private BlockingAwait() {
    }

    /** Must not be called on an event-loop thread. */
    public static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
