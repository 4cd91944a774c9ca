package com.onecloud.authclient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.onecloud.access.Decision;
import com.onecloud.revocation.KeysByTicket;
import com.onecloud.revocation.RevocableCache;
import com.onecloud.revocation.RevocationFeed;

/**
 * ALLOW decisions of this service, so that the common path costs no network hop. Keyed by a hash of the presented
 * credential plus what the endpoint requires — never by the credential. An entry lives no longer than auth-service
 * allowed, the configured maximum, and the credential's own expiry, and is evicted as soon as a revocation of its
 * ticket arrives (the {@link RevocationFeed} keeps its {@link RevocableCache} contract).
 */
@ApplicationScoped
public class DecisionCache implements RevocableCache {

    record Entry(Decision decision, long expiresAtNanos) {
    }

    private final Cache<String, Entry> entries;
    private final KeysByTicket keysByTicket = new KeysByTicket();
    /** Tickets revoked within the maximum age: none of their decisions is cached or honoured. */
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
     * Keeps an ALLOW decision for as long as it may be reused; anything else is not cached, nor is a decision for a
     * ticket revoked meanwhile (see {@link KeysByTicket}).
     */
    public void put(String key, Decision decision) {
        if (decision.outcome() != Decision.Outcome.ALLOW || decision.cacheSeconds() <= 0) {
            return;
        }
        String ticketId = decision.principal().ticketId();
        long ttl = Math.min(maxAgeNanos, Duration.ofSeconds(decision.cacheSeconds()).toNanos());
        if (decision.principal().expiresAt() != null) {
            long untilExpiry = Duration.between(Instant.now(), decision.principal().expiresAt()).toNanos();
            ttl = Math.min(ttl, untilExpiry);
        }
        if (ttl <= 0) {
            return;
        }
        Entry entry = new Entry(decision, System.nanoTime() + ttl);
        if (ticketId == null) {
            entries.put(key, entry);
            return;
        }
        keysByTicket.addIf(ticketId, key, () -> {
            if (isRevoked(ticketId)) {
                return false;
            }
            entries.put(key, entry);
            return true;
        });
    }

    /** Drops its decisions and refuses any new ALLOW for the ticket (see {@link #isRevoked}). */
    @Override
    public int revokeTicket(String ticketId) {
        revokedTickets.put(ticketId, Boolean.TRUE);
        return evict(ticketId);
    }

    /**
     * Drops every decision made for the ticket: they are keyed by the presented credential, not by credential id. The
     * ticket lives on with its new credential, and the old credential's own expiry bounds every cached answer on it.
     */
    @Override
    public int revokeCredential(String ticketId, String credentialId) {
        return evict(ticketId);
    }

    /**
     * Whether this replica saw the ticket revoked. auth-service may still answer ALLOW for it from its own cache for a
     * moment, until its consumer processes the same event; such an answer must be refused, not trusted.
     */
    public boolean isRevoked(String ticketId) {
        return ticketId != null && revokedTickets.getIfPresent(ticketId) != null;
    }

    @Override
    public long clear() {
        long dropped = entries.estimatedSize();
        entries.invalidateAll();
        keysByTicket.clear();
        revokedTickets.invalidateAll();
        return dropped;
    }

    private int evict(String ticketId) {
        List<String> keys = keysByTicket.removeAll(ticketId);
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
