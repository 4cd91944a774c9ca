package com.onecloud.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import com.onecloud.events.UsageReported.TicketUsage;

/**
 * Each ticket's decisions per UTC day, counted in memory: a request's path adds one to a counter and writes nothing
 * else anywhere. {@link #drain()} takes what was counted since the previous drain, atomically per counter.
 */
public final class UsageCounter {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private record Key(String ticketId, long epochDay) {
    }

    private static final class Counts {
        final AtomicLong allowed = new AtomicLong();
        final AtomicLong forbidden = new AtomicLong();
        final AtomicLong invalid = new AtomicLong();
        /** The second of the last allowed request; written only when it changes, so reads dominate. */
        volatile long lastAllowedSecond;
    }

    private final ConcurrentHashMap<Key, Counts> counts = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    /** @param clock milliseconds since the epoch */
    public UsageCounter(LongSupplier clock) {
        this.clock = clock;
    }

    public void allowed(String ticketId) {
        long now = clock.getAsLong();
        Counts c = countsOf(ticketId, now);
        c.allowed.incrementAndGet();
        long second = now / 1000;
        if (c.lastAllowedSecond != second) {
            c.lastAllowedSecond = second;
        }
    }

    public void forbidden(String ticketId) {
        countsOf(ticketId, clock.getAsLong()).forbidden.incrementAndGet();
    }

    public void invalid(String ticketId) {
        countsOf(ticketId, clock.getAsLong()).invalid.incrementAndGet();
    }

    /**
     * What was counted since the previous drain, one entry per ticket and day with any count. Counting goes on
     * meanwhile: a request counted while this runs is in this drain or the next, never lost or counted twice. The
     * entries of days before yesterday are dropped once drained (no request is counted on them any more).
     */
    public List<TicketUsage> drain() {
        long yesterday = clock.getAsLong() / MILLIS_PER_DAY - 1;
        List<TicketUsage> drained = new ArrayList<>();
        counts.forEach((key, c) -> {
            long allowed = c.allowed.getAndSet(0);
            long forbidden = c.forbidden.getAndSet(0);
            long invalid = c.invalid.getAndSet(0);
            if (allowed + forbidden + invalid > 0) {
                drained.add(new TicketUsage(key.ticketId(), LocalDate.ofEpochDay(key.epochDay()), allowed, forbidden,
                        invalid, allowed > 0 ? Instant.ofEpochSecond(c.lastAllowedSecond) : null));
            }
            if (key.epochDay() < yesterday) {
                counts.remove(key, c);
            }
        });
        return drained;
    }

    /** Counts again what a report that could not be sent held, so that the next report carries it. */
    public void restore(List<TicketUsage> unsent) {
        for (TicketUsage usage : unsent) {
            Counts c = counts.computeIfAbsent(new Key(usage.ticketId(), usage.date().toEpochDay()), k -> new Counts());
            c.allowed.addAndGet(usage.allowed());
            c.forbidden.addAndGet(usage.forbidden());
            c.invalid.addAndGet(usage.invalid());
            if (usage.lastUsedAt() != null && usage.lastUsedAt().getEpochSecond() > c.lastAllowedSecond) {
                c.lastAllowedSecond = usage.lastUsedAt().getEpochSecond();
            }
        }
    }

    /** How many ticket-days are held, drained or not. */
    int held() {
        return counts.size();
    }

    /** A plain read first: {@code computeIfAbsent} may lock the bin even when the key is there, on every request. */
    private Counts countsOf(String ticketId, long now) {
        Key key = new Key(ticketId, now / MILLIS_PER_DAY);
        Counts c = counts.get(key);
        return c != null ? c : counts.computeIfAbsent(key, k -> new Counts());
    }
}
