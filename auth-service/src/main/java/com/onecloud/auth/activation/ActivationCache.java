package com.onecloud.auth.activation;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.onecloud.access.Activation;
import com.onecloud.access.Principal;
import com.onecloud.auth.AuthConfig;
import com.onecloud.events.ActivationChanged;
import com.onecloud.revocation.ActivationListener;
import com.onecloud.revocation.RevocationFeed;

import io.smallrye.mutiny.Uni;

/**
 * The activations auth-service decided with recently, per organization and user, so that a cached credential's
 * decision needs no lookup. An entry lives as long as a verified credential does (the cache TTL; the feed's bound while
 * the feed is out of touch). An activation change (which ticket-service announces once its view holds it) drops the
 * entries it concerns, and a lookup that was running when a change arrived does not put what it read.
 */
@ApplicationScoped
public class ActivationCache implements ActivationListener {

    private record Entry(Activation activation, long createdAt) {
    }

    private final ActivationStore store;
    private final Ticker ticker;
    private final Cache<String, Entry> entries;
    /** Changes at every change heard: a lookup started under another value may have read what is no longer true. */
    private final AtomicLong changes = new AtomicLong();
    private final BooleanSupplier feedCurrent;
    private final long staleAfterNanos;

    @Inject
    ActivationCache(ActivationStore store, AuthConfig config, RevocationFeed feed) {
        this(store, config.cache().ttl(), config.cache().maxSize(), Ticker.systemTicker(), feed::isCurrent,
                RevocationFeed.STALE_AFTER);
    }

    ActivationCache(ActivationStore store, Duration ttl, long maxSize, Ticker ticker, BooleanSupplier feedCurrent,
            Duration staleAfter) {
        this.store = store;
        this.ticker = ticker;
        this.feedCurrent = feedCurrent;
        this.staleAfterNanos = staleAfter.toNanos();
        this.entries = Caffeine.newBuilder().ticker(ticker).maximumSize(maxSize).expireAfterWrite(ttl).build();
    }

    /**
     * The principal's activation if held and trusted now, else null. Not for {@code fresh} requests, which must rest on
     * the view.
     */
    public Activation cached(Principal principal) {
        Entry entry = entries.getIfPresent(key(principal.organizationId(), principal.userId()));
        if (entry == null || ticker.read() - entry.createdAt() >= staleAfterNanos && !feedCurrent.getAsBoolean()) {
            return null;
        }
        return entry.activation();
    }

    /** The principal's activation: held, or (always, when {@code fresh}) read from the view and then held. */
    public Uni<Activation> of(Principal principal, boolean fresh) {
        Activation cached = fresh ? null : cached(principal);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        String key = key(principal.organizationId(), principal.userId());
        long changesBefore = changes.get();
        return store.find(principal.organizationId(), principal.userId()).invoke(activation -> {
            if (changes.get() == changesBefore) {
                entries.put(key, new Entry(activation, ticker.read()));
            }
        });
    }

    @Override
    public void activationChanged(ActivationChanged change) {
        changes.incrementAndGet();
        if (change.isUsers()) {
            entries.invalidate(key(change.organizationId(), change.userId()));
        } else {
            String prefix = key(change.organizationId(), null);
            entries.asMap().keySet().removeIf(key -> key.startsWith(prefix));
        }
    }

    @Override
    public void positionLost() {
        changes.incrementAndGet();
        entries.invalidateAll();
    }

    /** The organization's entry, and its users' after it: {@code <org>/} and {@code <org>/<user>}. */
    private static String key(String organizationId, String userId) {
        return organizationId + "/" + (userId == null ? "" : userId);
    }
}
