package com.onecloud.authclient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.onecloud.access.Decision;
import com.onecloud.access.DecisionRequest;
import com.onecloud.access.Principal;
import com.onecloud.revocation.KeysByTicket;
import com.onecloud.revocation.RevocableCache;
import com.onecloud.revocation.RevocationFeed;

/**
 * ALLOW decisions of this service, so that the common path costs no network hop. Keyed by a hash of the presented
 * credential plus what the endpoint requires — never by the credential. An entry lives no longer than auth-service
 * allowed, the configured maximum, and the credential's own end, and is evicted as soon as a revocation of its ticket
 * or credential arrives (the {@link RevocationFeed} keeps its {@link RevocableCache} contract).
 * <p>
 * A revocation leaves a marker for the cache's maximum age: auth-service may still answer ALLOW for a revoked ticket or
 * credential from its own cache for a moment, until its consumer processes the same event, and such an answer must be
 * neither cached nor honoured. The markers outlive {@link #clear()}: forgetting what was revoked is never safe. While
 * the feed is out of touch with the broker (a revocation may be on its way), an entry older than the feed's bound is
 * not used: a revoked credential works at most that much longer, instead of the whole maximum age.
 * <p>
 * It is told of each revocation and rotation before the other caches of its process (the feed tells them in order of
 * priority): the subscriptions' stream guard relies on its markers for a stream registered in between.
 */
@Singleton // every request reads it: no client proxy to look the instance up on each call
@Priority(DecisionCache.FIRST)
public class DecisionCache implements RevocableCache {

    /** The priority that puts it first among the {@link RevocableCache}s (beans without one have 0). */
    static final int FIRST = 100;

    record Entry(Decision decision, long createdAtNanos, long expiresAtNanos) {
    }

    /** A recent rotation of a ticket: credentials other than {@code current} end at {@code othersEndAt}. */
    private record Rotation(String current, Instant othersEndAt) {
    }

    private final Cache<String, Entry> entries;
    private final KeysByTicket keysByTicket = new KeysByTicket();
    /** "ticket:<id>" or "credential:<id>", revoked within the maximum age. */
    private final Cache<String, Boolean> revoked;
    /** Ticket id → its rotation, within the maximum age. */
    private final Cache<String, Rotation> rotations;
    /** How many times the cache was cleared: a decision asked for before a clear is not cached after it. */
    private final AtomicLong clears = new AtomicLong();
    private final long maxAgeNanos;
    /** Whether revocations reach this process now; while not, only entries younger than the feed's bound are used. */
    private final BooleanSupplier feedCurrent;
    private final long staleAfterNanos;

    @Inject
    DecisionCache(AuthClientConfig config, RevocationFeed feed) {
        this(config, feed::isCurrent, RevocationFeed.STALE_AFTER);
    }

    DecisionCache(AuthClientConfig config, BooleanSupplier feedCurrent, Duration staleAfter) {
        this.feedCurrent = feedCurrent;
        this.staleAfterNanos = staleAfter.toNanos();
        this.maxAgeNanos = config.cacheMaxAge().toNanos();
        this.entries = Caffeine.newBuilder()
                .maximumSize(config.cacheMaxSize())
                .expireAfter(Expiry.creating((String key, Entry entry) ->
                        Duration.ofNanos(Math.max(0, entry.expiresAtNanos() - System.nanoTime()))))
                .removalListener((String key, Entry entry, RemovalCause cause) -> {
                    if (entry != null) {
                        forgetKey(entry.decision(), key);
                    }
                })
                .build();
        this.revoked = Caffeine.newBuilder().maximumSize(config.cacheMaxSize())
                .expireAfterWrite(config.cacheMaxAge()).build();
        this.rotations = Caffeine.newBuilder().maximumSize(config.cacheMaxSize())
                .expireAfterWrite(config.cacheMaxAge()).build();
    }

    public Decision get(String key) {
        Entry entry = entries.getIfPresent(key);
        if (entry == null) {
            return null;
        }
        long now = System.nanoTime();
        if (entry.expiresAtNanos() - now <= 0
                || now - entry.createdAtNanos() >= staleAfterNanos && !feedCurrent.getAsBoolean()) {
            return null;
        }
        return entry.decision();
    }

    /**
     * Whether revocations reach this process now. While not, decisions are asked for {@link DecisionRequest#fresh()}:
     * auth-service's cached verification may be as unaware of a revocation as this cache.
     */
    public boolean isFeedCurrent() {
        return feedCurrent.getAsBoolean();
    }

    /** Changes at every {@link #clear()}; a decision asked for under one epoch is cached only under the same. */
    public long epoch() {
        return clears.get();
    }

    /**
     * Keeps an ALLOW decision for as long as it may be reused; anything else is not cached, nor is a decision for a
     * revoked ticket or credential (see {@link KeysByTicket}), nor one asked for before the cache was last cleared.
     */
    public void put(String key, Decision decision, long askedInEpoch) {
        if (decision.outcome() != Decision.Outcome.ALLOW || decision.cacheSeconds() <= 0) {
            return;
        }
        Principal principal = decision.principal();
        long ttl = Math.min(maxAgeNanos, Duration.ofSeconds(decision.cacheSeconds()).toNanos());
        Instant end = endOf(principal);
        if (end != null) {
            ttl = Math.min(ttl, Duration.between(Instant.now(), end).toNanos());
        }
        if (ttl <= 0) {
            return;
        }
        long now = System.nanoTime();
        Entry entry = new Entry(decision, now, now + ttl);
        if (principal.ticketId() == null) {
            if (askedInEpoch == clears.get()) {
                entries.put(key, entry);
            }
            return;
        }
        keysByTicket.addIf(principal.ticketId(), key, () -> {
            if (isRevoked(principal) || askedInEpoch != clears.get()) {
                return false;
            }
            entries.put(key, entry);
            return true;
        });
    }

    /** Drops its decisions and refuses any new ALLOW for the ticket. */
    @Override
    public int revokeTicket(String ticketId) {
        revoked.put("ticket:" + ticketId, Boolean.TRUE);
        return evict(keysByTicket.removeAll(ticketId));
    }

    /** Drops the decisions made on that credential and refuses any new ALLOW for it; the ticket lives on. */
    @Override
    public int revokeCredential(String ticketId, String credentialId) {
        revoked.put("credential:" + credentialId, Boolean.TRUE);
        return evict(keysByTicket.removeIf(ticketId, key -> {
            Entry entry = entries.getIfPresent(key);
            return entry == null || entry.decision().principal().credentialId() == null
                    || entry.decision().principal().credentialId().equals(credentialId);
        }));
    }

    /**
     * The ticket's decisions are asked for again, and none on a replaced credential is kept past the grace's end:
     * auth-service may still answer for it with the ticket's whole lifetime until it has heard of the rotation itself.
     */
    @Override
    public int rotated(String ticketId, String currentCredentialId, Instant othersEndAt) {
        if (currentCredentialId != null && othersEndAt != null) {
            rotations.put(ticketId, new Rotation(currentCredentialId, othersEndAt));
        }
        return evict(keysByTicket.removeAll(ticketId));
    }

    /**
     * Whether an ALLOW for this principal must be refused: its ticket or credential was revoked, or its credential was
     * replaced by a rotation whose grace has ended.
     */
    public boolean refuses(Principal principal) {
        Instant end = endOf(principal);
        return isRevoked(principal) || end != null && !end.isAfter(Instant.now());
    }

    /** Whether this replica saw the principal's ticket or credential revoked. */
    public boolean isRevoked(Principal principal) {
        return principal.ticketId() != null && revoked.getIfPresent("ticket:" + principal.ticketId()) != null
                || principal.credentialId() != null
                        && revoked.getIfPresent("credential:" + principal.credentialId()) != null;
    }

    /** Drops every decision, and every decision being asked for now; the revocation markers stay. */
    @Override
    public long clear() {
        clears.incrementAndGet();
        long dropped = entries.estimatedSize();
        entries.invalidateAll();
        keysByTicket.clear();
        return dropped;
    }

    /** The credential's end: its own, or a recent rotation's grace end if that is earlier and it was replaced. */
    public Instant endOf(Principal principal) {
        Rotation rotation = principal.ticketId() == null ? null : rotations.getIfPresent(principal.ticketId());
        if (rotation == null || rotation.current().equals(principal.credentialId())) {
            return principal.expiresAt();
        }
        return principal.expiresAt() == null || rotation.othersEndAt().isBefore(principal.expiresAt())
                ? rotation.othersEndAt() : principal.expiresAt();
    }

    private int evict(List<String> keys) {
        entries.invalidateAll(keys);
        return keys.size();
    }

    private void forgetKey(Decision decision, String key) {
        String ticketId = decision.principal() == null ? null : decision.principal().ticketId();
        if (ticketId != null) {
            keysByTicket.removeIf(ticketId, key::equals);
        }
    }
}
