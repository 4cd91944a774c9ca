package com.onecloud.edge.auth;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Requests that miss the {@link DecisionCache} with the same key at the same time share one call to auth-service.
 * Without this, a cached decision that expires under load sends one call per waiting request (with 32 connections,
 * 32 calls and as many database lookups behind them) at the same moment. Only calls still running are shared; a
 * finished one is forgotten at once, so nothing here outlives the cache's own rules.
 */
@ApplicationScoped
public class InFlightDecisions {

    private final ConcurrentHashMap<String, Uni<Decision>> running = new ConcurrentHashMap<>();

    /** The decision for {@code key}: the call already running for it, or a new one made by {@code decide}. */
    public Uni<Decision> share(String key, Supplier<Uni<Decision>> decide) {
        return Uni.createFrom().deferred(() -> {
            Uni<Decision> call = running.computeIfAbsent(key, k -> decide.get()
                    .onTermination().invoke(() -> running.remove(k))
                    .memoize().indefinitely());
            // The answer arrives on the context of the request that made the call; each request resumes on its own.
            Context context = Vertx.currentContext();
            return context == null ? call : call.emitOn(task -> context.runOnContext(ignored -> task.run()));
        });
    }

    /** Calls running now (for tests). */
    int size() {
        return running.size();
    }
}
