package com.onecloud.subscriptions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.onecloud.access.Decision;
import com.onecloud.access.Principal;
import com.onecloud.authclient.ActivationMarkers;
import com.onecloud.authclient.AuthClientConfig;
import com.onecloud.authclient.DecisionCache;
import com.onecloud.events.ActivationChanged;
import com.onecloud.revocation.ActivationListener;
import com.onecloud.revocation.RevocableCache;
import com.onecloud.revocation.RevocationFeed;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Context;

/**
 * Keeps every stream's authorization live (contract §4): the revocation feed tells it, as it tells the credential
 * caches, of every revocation, rotation and activation change, and a stream whose credential they end receives
 * {@code unauthorized} and is closed at once; so is one whose credential expires. When revocations may have been
 * missed (the feed lost its position, or is out of touch with the broker for longer than a cached decision may live),
 * streams are closed without a word, so that their clients reconnect and are authorized afresh. At shutdown every
 * stream is closed, for its client to reconnect to another replica.
 */
@ApplicationScoped
public class StreamGuard implements RevocableCache, ActivationListener {

    static final String REVOKED = "The credential was revoked.";
    static final String EXPIRED = "The credential expired.";

    private final ChangeHub hub;
    private final DecisionCache decisions;
    private final ActivationMarkers markers;
    private final RevocationFeed feed;
    private final Duration trustWithoutFeed;
    private final ScheduledExecutorService timer;

    StreamGuard(ChangeHub hub, DecisionCache decisions, ActivationMarkers markers, RevocationFeed feed,
            AuthClientConfig authConfig, SubscriptionsConfig config) {
        this.hub = hub;
        this.decisions = decisions;
        this.markers = markers;
        this.feed = feed;
        this.trustWithoutFeed = authConfig.cacheMaxAge();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "subscription-guard");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.timer = executor;
        long every = config.heartbeat().toMillis();
        timer.scheduleAtFixedRate(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Watches a registered stream's credential until it ends. The stream was authorized before it was registered: a
     * revocation, rotation or activation change heard in between passed it by here, so what the decision cache and the
     * activation markers heard is checked now. Each change reaches them before this guard goes through the streams
     * (the cache's priority; {@link #activationChanged} sets the marker first), so a change reaches every stream one
     * way or the other. Returns false if it ended the stream at once.
     */
    boolean watch(ChangeStream stream) {
        Principal principal = stream.principal();
        String refusal = decisions.isRevoked(principal) ? REVOKED : activationRefusal(stream);
        if (refusal != null) {
            stream.unauthorized(refusal);
            return false;
        }
        Instant end = decisions.endOf(principal);
        if (end != null) {
            endAt(stream, end, end.equals(principal.expiresAt()) ? EXPIRED : REVOKED);
        }
        return true;
    }

    @Override
    public int revokeTicket(String ticketId) {
        return cut(s -> ticketId.equals(s.principal().ticketId()), REVOKED);
    }

    @Override
    public int revokeCredential(String ticketId, String credentialId) {
        return cut(s -> ticketId.equals(s.principal().ticketId()) && credentialId.equals(s.principal().credentialId()),
                REVOKED);
    }

    /** A replaced credential's stream ends with the grace, as the credential does. */
    @Override
    public int rotated(String ticketId, String currentCredentialId, Instant othersEndAt) {
        hub.all().filter(s -> ticketId.equals(s.principal().ticketId())
                && !currentCredentialId.equals(s.principal().credentialId()))
                .forEach(s -> endAt(s, othersEndAt, REVOKED));
        return 0;
    }

    /** Ends the stream at {@code end} with {@code detail}, unless an earlier deadline ends it first. */
    private void endAt(ChangeStream stream, Instant end, String detail) {
        long delay = Math.max(0, Duration.between(Instant.now(), end).toMillis());
        stream.deadline(timer.schedule(() -> stream.unauthorized(detail), delay, TimeUnit.MILLISECONDS));
    }

    @Override
    public long clear() {
        return hub.all().peek(ChangeStream::close).count();
    }

    @Override
    public void activationChanged(ActivationChanged change) {
        markers.activationChanged(change);
        hub.all().filter(s -> change.organizationId().equals(s.principal().organizationId())
                && (!change.isUsers() || change.userId().equals(s.principal().userId())))
                .forEach(s -> {
                    String refusal = activationRefusal(s);
                    if (refusal != null) {
                        s.unauthorized(refusal);
                    }
                });
    }

    /** Why the API activations heard here refuse the stream's credential; null if they do not. */
    private String activationRefusal(ChangeStream stream) {
        Decision decision = markers.apply(Decision.allow(stream.principal(), 0), stream.audience());
        return decision.outcome() == Decision.Outcome.ALLOW ? null : decision.description();
    }

    @Override
    public void positionLost() {
        // clear() closes the streams.
    }

    void shutdown(@Observes ShutdownEvent shutdown) {
        hub.all().forEach(ChangeStream::close);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    private void tick() {
        boolean trusted = feed.isCurrent();
        Instant authorizedBefore = Instant.now().minus(trustWithoutFeed);
        Map<Context, List<ChangeStream>> byLoop = new HashMap<>();
        hub.all().forEach(stream -> {
            if (!trusted && stream.authorizedAt().isBefore(authorizedBefore)) {
                stream.close();
            } else {
                byLoop.computeIfAbsent(stream.context(), loop -> new ArrayList<>()).add(stream);
            }
        });
        // One task per event loop: each stream's write from this thread would be handed to its connection's loop on
        // its own, waking the loop each time, which made idle heartbeats most of an idle service's CPU.
        byLoop.forEach((loop, streams) -> {
            if (loop == null) {
                streams.forEach(ChangeStream::heartbeat);
            } else {
                loop.runOnContext(ignored -> streams.forEach(ChangeStream::heartbeat));
            }
        });
    }

    private int cut(Predicate<ChangeStream> whose, String detail) {
        return (int) hub.all().filter(whose).peek(s -> s.unauthorized(detail)).count();
    }
}
