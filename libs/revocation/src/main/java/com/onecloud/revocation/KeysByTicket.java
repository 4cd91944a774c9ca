package com.onecloud.revocation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The cache keys of each ticket's entries, so that a revocation finds them without a scan: the index behind
 * the auth client's {@code DecisionCache} and auth-service's credential cache.
 * <ul>
 * <li>{@link #addIf} runs its action under the ticket's lock ({@link ConcurrentHashMap#compute}), as every change to
 * that ticket's keys does. A cache that checks there for a revocation before it caches, and records a revocation before
 * it removes the ticket's keys, can never keep an entry of a revoked ticket.</li>
 * <li>A ticket with one key, the common case, holds the key itself rather than a set of one: about 180 bytes less per
 * cached credential, which adds up when a cache fills with thousands of new credentials.</li>
 * </ul>
 */
public final class KeysByTicket {

    /** Ticket id → its one key (a {@code String}) or its keys (a {@code Set<String>} of two or more). */
    private final ConcurrentHashMap<String, Object> keys = new ConcurrentHashMap<>();

    /**
     * Runs {@code action} under the ticket's lock and indexes the key if it answers true.
     *
     * @return what {@code action} answered
     */
    public boolean addIf(String ticketId, String key, BooleanSupplier action) {
        boolean[] added = new boolean[1];
        keys.compute(ticketId, (id, held) -> {
            added[0] = action.getAsBoolean();
            return added[0] ? with(held, key) : held;
        });
        return added[0];
    }

    /** Removes the ticket's keys that match {@code test}, which runs under the ticket's lock; returns them. */
    public List<String> removeIf(String ticketId, Predicate<String> test) {
        List<String> removed = new ArrayList<>(1);
        keys.computeIfPresent(ticketId, (id, held) -> {
            List<String> kept = new ArrayList<>(1);
            for (String key : asList(held)) {
                (test.test(key) ? removed : kept).add(key);
            }
            return of(kept);
        });
        return removed;
    }

    /** Removes all the ticket's keys and returns them. */
    public List<String> removeAll(String ticketId) {
        return asList(keys.remove(ticketId));
    }

    public void clear() {
        keys.clear();
    }

    private static Object with(Object held, String key) {
        if (held == null || held.equals(key)) {
            return key;
        }
        if (held instanceof String one) {
            Set<String> two = new HashSet<>(4);
            two.add(one);
            two.add(key);
            return two;
        }
        @SuppressWarnings("unchecked")
        Set<String> many = (Set<String>) held;
        many.add(key);
        return many;
    }

    @SuppressWarnings("unchecked")
    private static List<String> asList(Object held) {
        if (held == null) {
            return List.of();
        }
        return held instanceof String one ? List.of(one) : List.copyOf((Set<String>) held);
    }

    private static Object of(List<String> kept) {
        if (kept.isEmpty()) {
            return null;
        }
        return kept.size() == 1 ? kept.get(0) : new HashSet<>(kept);
    }
}
