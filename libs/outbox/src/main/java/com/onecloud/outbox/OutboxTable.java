package com.onecloud.outbox;

import java.time.Duration;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * The table {@code outbox_event} as this module's migration ({@code db/outbox/V1__outbox_event.sql}) creates it: the
 * statement both appenders write it with, and the check every service that uses the outbox runs at start. A database
 * without the table or one of its columns (its migration not run, the wrong database) fails the start, before anything
 * could commit a change whose event has nowhere to go.
 */
@ApplicationScoped
public class OutboxTable {

    /** Every column the appenders and the relay use; PostgreSQL resolves them all before it returns no rows. */
    static final String PROBE = "SELECT id, topic, event_key, payload, created_at, published_at FROM outbox_event LIMIT 0";
    private static final String INSERT = "INSERT INTO outbox_event (id, topic, event_key, payload, created_at) VALUES (%s)";
    private static final int INSERTED_COLUMNS = 5;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Before the other start-up work, which may already append events (ticket-service's bootstrap ticket). */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event, Pool pool) {
        verify(pool).await().atMost(TIMEOUT);
    }

    /** Fails with why PostgreSQL rejected the table. */
    public static Uni<Void> verify(SqlClient client) {
        return client.query(PROBE).execute().replaceWithVoid()
                .onFailure().transform(e -> new IllegalStateException("The database has no outbox table as the outbox "
                        + "module's migration db/outbox creates it (" + e.getMessage() + "): " + PROBE, e));
    }

    /**
     * The statement that appends one row: values id, topic, event key, payload and creation time, in that order, each
     * written with the appender's parameter marker ({@code $1} for the reactive SQL client, {@code ?1} for Hibernate).
     */
    public static String insert(IntFunction<String> parameterMarker) {
        return INSERT.formatted(IntStream.rangeClosed(1, INSERTED_COLUMNS).mapToObj(parameterMarker)
                .collect(Collectors.joining(", ")));
    }
}
