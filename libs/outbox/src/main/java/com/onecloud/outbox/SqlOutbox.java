package com.onecloud.outbox;

import java.time.ZoneOffset;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.onecloud.events.CloudEvent;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The outbox for a service that uses the reactive SQL client: {@link #append} writes an event on the connection of
 * the caller's transaction; {@link #inTransaction} runs work in a transaction and, once it has committed, wakes the
 * relay.
 */
@ApplicationScoped
public class SqlOutbox {

    private static final String INSERT = OutboxTable.insert(n -> "$" + n);

    private final Pool pool;
    private final OutboxRecords records;
    private final OutboxSignal signal;

    SqlOutbox(Pool pool, OutboxRecords records, OutboxSignal signal) {
        this.pool = pool;
        this.records = records;
        this.signal = signal;
    }

    /** Runs to its end even if the caller stops waiting (see {@link Uncancellable}), so that a commit wakes the relay. */
    public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return Uncancellable.run(pool.withTransaction(work).invoke(signal::wake));
    }

    /** Must run inside a transaction: the row commits or rolls back with the change it announces. */
    public Uni<Void> append(SqlConnection transaction, String topic, String key, CloudEvent<?> event) {
        OutboxRecord row = records.of(topic, key, event);
        return transaction.preparedQuery(INSERT).execute(Tuple.of(row.id(), row.topic(), row.key(), row.payload(),
                row.createdAt().atOffset(ZoneOffset.UTC))).replaceWithVoid();
    }
}
