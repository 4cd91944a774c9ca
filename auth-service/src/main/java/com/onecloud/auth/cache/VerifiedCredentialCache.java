package com.onecloud.auth.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import com.onecloud.access.Principal;
import com.onecloud.access.credential.CredentialHash;
import com.onecloud.access.credential.PresentedCredential;
import com.onecloud.auth.AuthConfig;
import com.onecloud.revocation.KeysByTicket;
import com.onecloud.revocation.RevocableCache;
import com.onecloud.revocation.RevocationFeed;

import io.quarkus.runtime.Startup;

/**
 * Verified credentials, so that a credential presented again within the TTL costs no database read.
 * <ul>
 * <li>Keys are SHA-256 hashes of the presented material, never the credential itself.</li>
 * <li>Only successful verifications are held: an unknown or refused credential is looked up again next time, so a
 * brand-new ticket works on its very first request.</li>
 * <li>An entry lives at most the configured TTL and never past the credential's own end; while the revocation feed is
 * out of touch with the broker, at most the feed's bound ({@link RevocationFeed#STALE_AFTER}).</li>
 * <li>{@link #revokeTicket} and {@link #revokeCredential} remove every entry of a revoked ticket or credential through an
 * index by ticket id. A lookup that was already running when its ticket was evicted does not put its (possibly stale)
 * result in the cache.</li>
 * </ul>
 * Created at start-up ({@code @Startup}), so that invalid configuration stops the service before it serves anything.
 */
@Startup
@Singleton // read on every decision: no client proxy to look the instance up on each call
public class VerifiedCredentialCache implements RevocableCache {

    /** The longest time a credential lookup can still be running after the revocation event arrived. */
    private static final Duration TOMBSTONE_LIFETIME = Duration.ofMinutes(1);

    private final Duration ttl;
    private final Ticker ticker;
    private final Cache<String, Entry> entries;
    /** Ticket id → keys of its entries; puts run under the ticket's lock there. */
    private final KeysByTicket keysByTicket = new KeysByTicket();
    /** "ticket:<id>" or "credential:<id>" → ticker time of its last eviction. */
    private final Cache<String, Long> evictedAt;
    /** Ticker time of the last {@link #clear()}. */
    private volatile long allEvictedAt;
    private final AtomicLong evictions = new AtomicLong();
    /** Whether revocations reach this process now; while not, entries live at most the feed's bound. */
    private final BooleanSupplier feedCurrent;
    private final long staleAfterNanos = RevocationFeed.STALE_AFTER.toNanos();

    @Inject
    VerifiedCredentialCache(AuthConfig config, RevocationFeed feed) {
        this(config.cache().ttl(), config.cache().maxSize(), Ticker.systemTicker(), feed::isCurrent);
    }

    VerifiedCredentialCache(Duration ttl, long maxSize, Ticker ticker, BooleanSupplier feedCurrent) {
        if (ttl.isNegative() || ttl.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new IllegalArgumentException("onecloud.auth.cache.ttl must be between 0 and 30 seconds (contract"
                    + " §6 bounds how long a revoked credential may work while Kafka is down), was " + ttl);
        }
        this.ttl = ttl;
        this.ticker = ticker;
        this.feedCurrent = feedCurrent;
        this.entries = Caffeine.newBuilder()
                .ticker(ticker)
                .maximumSize(maxSize)
                .expireAfter(new EntryExpiry())
                .removalListener(this::unindex)
                .build();
        this.evictedAt = Caffeine.newBuilder()
                .ticker(ticker)
                .maximumSize(maxSize)
                .expireAfterWrite(TOMBSTONE_LIFETIME)
                .build();
        this.allEvictedAt = ticker.read();
    }

    /** The cache key of a presented OneCloud credential. */
    public static String keyOf(PresentedCredential presented) {
        if (presented instanceof PresentedCredential.Token t) {
            return CredentialHash.sha256Hex(t.token());
        }
        if (presented instanceof PresentedCredential.TokenAndSecret ts) {
            return CredentialHash.sha256Hex(ts.token() + ":" + ts.secret());
        }
        throw new IllegalArgumentException("only OneCloud tokens are cached");
    }

    /**
     * Changes at every eviction. Lookups that started under different values must not share a result: one that was
     * already running when a revocation arrived may have read the credential before it was revoked.
     */
    public long evictions() {
        return evictions.get();
    }

    /** A point in time to pass to {@link #put} once the lookup started now has completed. */
    public long lookupStarted() {
        return ticker.read();
    }

    /**
     * The cached principal and how many whole seconds its entry still lives, if at least one. An entry in its last
     * second is a miss: a caller may not reuse a decision for zero seconds, so answering from it would send every
     * request of that second to this service; a new lookup renews the entry instead.
     */
    public Optional<Hit> get(String key) {
        Entry entry = entries.getIfPresent(key);
        if (entry == null) {
            return Optional.empty();
        }
        long deadline = feedCurrent.getAsBoolean() ? entry.deadline
                : Math.min(entry.deadline, entry.created + staleAfterNanos);
        long remainingSeconds = Duration.ofNanos(deadline - ticker.read()).toSeconds();
        if (remainingSeconds < 1) {
            return Optional.empty();
        }
        return Optional.of(new Hit(entry.principal, (int) remainingSeconds));
    }

    /**
     * Caches a successful verification and answers how many seconds a caller may reuse a decision based on it:
     * min(TTL, time until the credential expires), in whole seconds. Nothing is cached when the credential's ticket or
     * the credential itself was evicted since {@code lookupStarted}.
     */
    public int put(String key, String credentialId, Principal principal, long lookupStarted, Instant now) {
        Duration untilExpiry = Duration.between(now, principal.expiresAt());
        Duration bound = feedCurrent.getAsBoolean() ? ttl : RevocationFeed.STALE_AFTER;
        Duration lifetime = untilExpiry.compareTo(bound) < 0 ? untilExpiry : bound;
        if (lifetime.isNegative() || lifetime.isZero()) {
            return 0;
        }
        String ticketId = principal.ticketId();
        boolean cached = keysByTicket.addIf(ticketId, key, () -> {
            if (allEvictedAt - lookupStarted >= 0
                    || evictedSince("ticket:" + ticketId, lookupStarted)
                    || evictedSince("credential:" + credentialId, lookupStarted)) {
                return false;
            }
            long created = ticker.read();
            entries.put(key, new Entry(principal, credentialId, created, created + lifetime.toNanos()));
            return true;
        });
        return cached ? (int) lifetime.toSeconds() : 0;
    }

    /** Removes every entry of the ticket; returns how many there were. */
    @Override
    public int revokeTicket(String ticketId) {
        evictions.incrementAndGet();
        evictedAt.put("ticket:" + ticketId, ticker.read());
        return invalidate(keysByTicket.removeAll(ticketId));
    }

    /**
     * Removes every entry of the ticket, to be read again with each credential's new end from the view, which has it
     * as soon as the rotation committed; returns how many.
     */
    @Override
    public int rotated(String ticketId, String currentCredentialId, Instant othersEndAt) {
        return revokeTicket(ticketId);
    }

    /** Removes the entries of one credential of the ticket; returns how many. */
    @Override
    public int revokeCredential(String ticketId, String credentialId) {
        evictions.incrementAndGet();
        evictedAt.put("credential:" + credentialId, ticker.read());
        return invalidate(keysByTicket.removeIf(ticketId, key -> {
            Entry entry = entries.getIfPresent(key);
            return entry == null || entry.credentialId.equals(credentialId);
        }));
    }

    /** Empties the cache, and keeps lookups already running from filling it again. */
    @Override
    public long clear() {
        evictions.incrementAndGet();
        allEvictedAt = ticker.read();
        long evicted = size();
        entries.invalidateAll();
        return evicted;
    }

    /** Number of cached credentials (approximate, for metrics and tests). */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    private boolean evictedSince(String tombstone, long lookupStarted) {
        Long at = evictedAt.getIfPresent(tombstone);
        return at != null && at - lookupStarted >= 0;
    }

    /** Invalidates the entries of these keys; returns how many were still cached. */
    private int invalidate(List<String> keys) {
        int cached = (int) keys.stream().filter(k -> entries.getIfPresent(k) != null).count();
        entries.invalidateAll(keys);
        return cached;
    }

    /** Keeps the index small as entries expire or are pushed out; runs asynchronously, never inside a compute. */
    private void unindex(String key, Entry entry, RemovalCause cause) {
        if (key == null || entry == null || cause == RemovalCause.REPLACED) {
            return;
        }
        keysByTicket.removeIf(entry.principal.ticketId(), k -> k.equals(key) && entries.getIfPresent(key) == null);
    }

    /** A cached principal and the whole seconds its entry still lives. */
    public record Hit(Principal principal, int remainingSeconds) {
    }

    private record Entry(Principal principal, String credentialId, long created, long deadline) {
    }

    private final class EntryExpiry implements Expiry<String, Entry> {

        @Override
        public long expireAfterCreate(String key, Entry entry, long currentTime) {
            return Math.max(0, entry.deadline - currentTime);
        }

        @Override
        public long expireAfterUpdate(String key, Entry entry, long currentTime, long currentDuration) {
            return Math.max(0, entry.deadline - currentTime);
        }

        @Override
        public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
