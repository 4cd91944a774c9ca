package com.onecloud.ticket.outbox;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.onecloud.events.CloudEvent;
import com.onecloud.outbox.OutboxRecord;
import com.onecloud.outbox.OutboxRecords;
import com.onecloud.outbox.OutboxSignal;
import com.onecloud.outbox.OutboxTable;
import com.onecloud.outbox.Uncancellable;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The transactional outbox (module outbox) in ticket-service's Hibernate Reactive transactions: {@link #append} writes
 * an event in the caller's transaction; {@link #inTransaction} runs work in a transaction and, once it has committed,
 * wakes the relay. The table is the outbox module's (its migration, its check at start), so it is written with the
 * module's statement rather than mapped as an entity here.
 */
@ApplicationScoped
public class PanacheOutbox {

    private static final String INSERT = OutboxTable.insert(n -> "?" + n);

    private final OutboxRecords records;
    private final OutboxSignal signal;

    PanacheOutbox(OutboxRecords records, OutboxSignal signal) {
        this.records = records;
        this.signal = signal;
    }

    /** Runs to its end even if the caller stops waiting (see {@link Uncancellable}), so that a commit wakes the relay. */
    public <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        return Uncancellable.run(Panache.withTransaction(work).invoke(signal::wake));
    }

    /** Must run inside a transaction: the row commits or rolls back with the change it announces. */
    public Uni<Void> append(String topic, String key, CloudEvent<?> event) {
        OutboxRecord record = records.of(topic, key, event);
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter(1, record.id())
                .setParameter(2, record.topic())
                .setParameter(3, record.key())
                .setParameter(4, record.payload())
                .setParameter(5, record.createdAt())
                .executeUpdate())
                .replaceWithVoid();
    }
}
