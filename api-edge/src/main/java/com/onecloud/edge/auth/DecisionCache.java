package com.onecloud.edge.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;

/**
 * ALLOW decisions of this service, so that the common path costs no network hop. Keyed by a hash of the presented
 * credential plus what the endpoint requires — never by the credential. An entry lives no longer than auth-service
 * allowed, the configured maximum, and the credential's own expiry, and is evicted as soon as a revocation of its
 * ticket arrives ({@link RevocationListener}).
 */
@ApplicationScoped
public class DecisionCache {

    record Entry(Decision decision, long expiresAtNanos) {
    }

    private final Cache<String, Entry> entries;
    private final ConcurrentHashMap<String, Set<String>> keysByTicket = new ConcurrentHashMap<>();
    /** Tickets revoked within the maximum age: their decisions are not cached (see {@link #put}). */
    private final Cache<String, Boolean> revokedTickets;
    private final long maxAgeNanos;

    DecisionCache(AuthClientConfig config) {
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
        this.revokedTickets = Caffeine.newBuilder().maximumSize(config.cacheMaxSize())
                .expireAfterWrite(config.cacheMaxAge()).build();
    }

    public Decision get(String key) {
        Entry entry = entries.getIfPresent(key);
        return entry == null || entry.expiresAtNanos() - System.nanoTime() <= 0 ? null : entry.decision();
    }

    /**
     * Keeps an ALLOW decision for as long as it may be reused; anything else is not cached. Nor is any decision for a
     * ticket revoked within the cache's maximum age: auth-service may not have processed that revocation yet and
     * could still answer ALLOW from its own cache, which must not be kept here for seconds.
     */
    public void put(String key, Decision decision) {
        if (decision.outcome() != Decision.Outcome.ALLOW || decision.cacheSeconds() <= 0) {
            return;
        }
        String ticketId = decision.principal().ticketId();
        if (ticketId != null && revokedTickets.getIfPresent(ticketId) != null) {
            return;
        }
        long ttl = Math.min(maxAgeNanos, Duration.ofSeconds(decision.cacheSeconds()).toNanos());
        if (decision.principal().expiresAt() != null) {
            long untilExpiry = Duration.between(Instant.now(), decision.principal().expiresAt()).toNanos();
            ttl = Math.min(ttl, untilExpiry);
        }
        if (ttl <= 0) {
            return;
        }
        if (ticketId != null) {
            keysByTicket.computeIfAbsent(ticketId, id -> ConcurrentHashMap.newKeySet()).add(key);
        }
        entries.put(key, new Entry(decision, System.nanoTime() + ttl));
    }

    /** Drops every decision made for {@code ticketId}; returns how many were dropped. */
    public int evictTicket(String ticketId) {
        revokedTickets.put(ticketId, Boolean.TRUE);
        Set<String> keys = keysByTicket.remove(ticketId);
        if (keys == null) {
            return 0;
        }
        entries.invalidateAll(keys);
        return keys.size();
    }

    public void clear() {
        entries.invalidateAll();
        keysByTicket.clear();
        revokedTickets.invalidateAll();
    }

    private void forgetKey(Decision decision, String key) {
        String ticketId = decision.principal() == null ? null : decision.principal().ticketId();
        if (ticketId != null) {
            keysByTicket.computeIfPresent(ticketId, (id, keys) -> {
                keys.remove(key);
                return keys.isEmpty() ? null : keys;
            });
        }
    }
}
