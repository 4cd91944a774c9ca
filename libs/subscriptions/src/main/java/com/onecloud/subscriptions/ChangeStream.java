package com.onecloud.subscriptions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.apache.kafka.common.TopicPartition;

import com.onecloud.access.Audience;
import com.onecloud.access.Principal;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Context;

/**
 * One subscriber's stream. While a resumed stream replays what it missed, live changes wait in {@code pending} (at
 * most the configured buffer); afterwards a live change at or before the replay's end is skipped, so that nothing comes
 * twice. Every method may be called from any thread; the emitter serializes what it sends.
 */
final class ChangeStream {

    private final StreamKey key;
    private final Principal principal;
    private final Audience audience;
    private final Sse sse;
    private final int pendingLimit;
    /** The event loop of the stream's connection, or null outside one: where its writes cost no hand-over. */
    private final Context context;
    private final Instant authorizedAt = Instant.now();
    private MultiEmitter<? super OutboundSseEvent> emitter;
    /** Live changes that arrived during the replay; null when not replaying. */
    private List<Live> pending;
    /** Where the replay ended, until the live changes pass it; null when there was none or they have. */
    private Cursor floor;
    private ScheduledFuture<?> deadline;
    private volatile boolean closed;
    /** Events emitted but not yet taken by the connection. */
    private final AtomicInteger unsent = new AtomicInteger();

    ChangeStream(StreamKey key, Principal principal, Audience audience, Sse sse, int pendingLimit, Context context) {
        this.key = key;
        this.principal = principal;
        this.audience = audience;
        this.sse = sse;
        this.pendingLimit = pendingLimit;
        this.context = context;
    }

    StreamKey key() {
        return key;
    }

    Principal principal() {
        return principal;
    }

    Audience audience() {
        return audience;
    }

    Context context() {
        return context;
    }

    Instant authorizedAt() {
        return authorizedAt;
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * The stream's events. On subscription it starts ({@code replaying}: live changes wait until
     * {@link #replayDone}) and calls {@code onStart}; {@code onEnd} runs however it ends. A subscriber that falls
     * more than the buffer behind is ended: it resumes from the last id it received.
     */
    Multi<OutboundSseEvent> events(boolean replaying, Runnable onStart, Runnable onEnd) {
        // The emitter's buffer grows only as needed (an idle stream holds none); the count bounds it.
        return Multi.createFrom().<OutboundSseEvent>emitter(created -> {
            synchronized (this) {
                emitter = created;
                pending = replaying ? new ArrayList<>() : null;
            }
            created.onTermination(() -> {
                close();
                onEnd.run();
            });
            onStart.run();
        }, BackPressureStrategy.BUFFER).onItem().invoke(unsent::decrementAndGet);
    }

    /** Ends the stream at the earlier of its deadlines (its credential's expiry, a rotation's grace). */
    synchronized void deadline(ScheduledFuture<?> next) {
        if (deadline != null && deadline.getDelay(TimeUnit.MILLISECONDS) <= next.getDelay(TimeUnit.MILLISECONDS)) {
            next.cancel(false);
            return;
        }
        if (deadline != null) {
            deadline.cancel(false);
        }
        deadline = next;
    }

    /** A change of this stream's collection, read by the live feed at {@code offset}; {@code id} is the feed's cursor. */
    synchronized void live(Change change, TopicPartition partition, long offset, Position id) {
        if (closed) {
            return;
        }
        if (pending != null) {
            if (pending.size() >= pendingLimit) {
                close();
            } else {
                pending.add(new Live(change, partition, offset, id));
            }
            return;
        }
        send(change, partition, offset, id);
    }

    /** A change the replay read; {@code id} is the replay's cursor just after it. */
    void replayed(Change change, Cursor id) {
        emit(event(change.name(), id.encode(), change.data()));
    }

    /** The resumed position is no longer kept (or was never one): the client must list again. */
    void reset() {
        emit(sse.newEventBuilder().name("reset").mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, "{\"type\":\"reset\"}").build());
    }

    /** The replay read everything before {@code end}: the live changes that waited follow, those after it only. */
    synchronized void replayDone(Cursor end) {
        floor = end;
        List<Live> waiting = pending == null ? List.of() : pending;
        pending = null;
        for (Live live : waiting) {
            send(live.change(), live.partition(), live.offset(), live.id());
        }
    }

    /** The credential no longer allows this stream (contract §4): says so and ends it. */
    void unauthorized(String detail) {
        if (closed) {
            return;
        }
        String data = "{\"type\":\"unauthorized\",\"detail\":\"" + detail.replace("\"", "'") + "\"}";
        emit(sse.newEventBuilder().name("unauthorized").mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, data)
                .build());
        close();
    }

    /** A comment line, so that proxies and clients see an idle stream is alive. */
    void heartbeat() {
        emit(sse.newEventBuilder().comment("keep-alive").build());
    }

    /** Ends the stream without a word: the client reconnects with its last id (shutdown, lost positions, overflow). */
    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (deadline != null) {
            deadline.cancel(false);
        }
        if (emitter != null) {
            emitter.complete();
        }
    }

    private void send(Change change, TopicPartition partition, long offset, Position id) {
        String sent = id.encoded();
        if (floor != null) {
            if (offset < floor.next(partition)) {
                return;
            }
            sent = floor.max(id.cursor()).encode();
            if (id.cursor().covers(floor)) {
                floor = null;
            }
        }
        emit(event(change.name(), sent, change.data()));
    }

    private OutboundSseEvent event(String name, String id, String data) {
        return sse.newEventBuilder().name(name).id(id).mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, data)
                .build();
    }

    private void emit(OutboundSseEvent event) {
        MultiEmitter<? super OutboundSseEvent> target = emitter;
        if (closed || target == null || target.isCancelled()) {
            return;
        }
        if (unsent.incrementAndGet() > pendingLimit) {
            close(); // the subscriber fell too far behind: it resumes from the last id it received
            return;
        }
        target.emit(event);
    }

    private record Live(Change change, TopicPartition partition, long offset, Position id) {
    }

    /** The live feed's cursor after a change, and its encoding, made once for every stream that receives it. */
    record Position(Cursor cursor, String encoded) {
    }
}
