package com.onecloud.subscriptions;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import com.onecloud.access.Audience;
import com.onecloud.authclient.AuthClientConfig;
import com.onecloud.authclient.Caller;
import com.onecloud.http.problem.Unavailable;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Multi;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;

/**
 * A {@code GET} with {@code Accept: text/event-stream} on a subscribable collection (contract §4): the endpoint checks
 * what its plain {@code GET} checks, then hands over here with the collection's key. The stream starts after the
 * client's {@code Last-Event-ID} when it sends one (replayed from Kafka), otherwise with the changes from now on.
 */
@ApplicationScoped
public class Subscriptions {

    public static final String LAST_EVENT_ID = "Last-Event-ID";

    private final ChangeHub hub;
    private final StreamGuard guard;
    private final EventReplay replay;
    private final Caller caller;
    private final CurrentVertxRequest request;
    private final SubscriptionsConfig config;
    private final int retryAfterSeconds;

    Subscriptions(ChangeHub hub, StreamGuard guard, EventReplay replay, Caller caller, CurrentVertxRequest request,
            SubscriptionsConfig config, AuthClientConfig authConfig) {
        this.hub = hub;
        this.guard = guard;
        this.replay = replay;
        this.caller = caller;
        this.request = request;
        this.config = config;
        this.retryAfterSeconds = authConfig.retryAfterSeconds();
    }

    /** The stream of {@code key}'s changes for the current caller, who was authorized on {@code audience}. */
    public Multi<OutboundSseEvent> subscribe(StreamKey key, Audience audience, Sse sse) {
        if (!hub.isListening()) {
            throw new Unavailable("Subscriptions are not available yet on this replica.", retryAfterSeconds);
        }
        HttpServerRequest http = request.getCurrent().request();
        // Proxies such as nginx would otherwise hold the events back to fill their buffers.
        http.response().putHeader("X-Accel-Buffering", "no");
        String lastEventId = http.getHeader(LAST_EVENT_ID);
        ChangeStream stream = new ChangeStream(key, caller.principal(), audience, sse, config.buffer(),
                Vertx.currentContext());
        return stream.events(lastEventId != null, () -> {
            hub.register(stream);
            if (!guard.watch(stream) || lastEventId == null) {
                return;
            }
            Optional<Cursor> from = Cursor.decode(lastEventId);
            if (from.isEmpty()) {
                stream.reset();
                stream.replayDone(Cursor.EMPTY);
            } else {
                replay.start(stream, from.get(), hub.topics(), hub.changes());
            }
        }, () -> hub.unregister(stream));
    }
}
