package com.onecloud.revocation;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Calls for the same key at the same time share one call. Without this, an answer cached for many requests that
 * expires under load sends one call per waiting request (with 32 connections, 32 calls and as many database lookups
 * behind them) at the same moment. Only calls still running are shared; a finished one is forgotten at once, so
 * nothing here outlives the rules of the cache in front of it. A failure reaches every request that waited for it.
 */
public final class SharedCalls<T> {

    private final ConcurrentHashMap<String, Uni<T>> running = new ConcurrentHashMap<>();

    /** The answer for {@code key}: the call already running for it, or a new one made by {@code call}. */
    public Uni<T> share(String key, Supplier<Uni<T>> call) {
        return Uni.createFrom().deferred(() -> {
            Uni<T> shared = running.computeIfAbsent(key, k -> call.get()
                    .onTermination().invoke(() -> running.remove(k))
                    .memoize().indefinitely());
            // The answer arrives on the context of the request that made the call; each request resumes on its own.
            Context context = Vertx.currentContext();
            return context == null ? shared : shared.emitOn(task -> context.runOnContext(ignored -> task.run()));
        });
    }

    /** Calls running now. */
    int size() {
        return running.size();
    }
}
