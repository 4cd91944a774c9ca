package com.onecloud.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.onecloud.events.UsageReported.TicketUsage;

class UsageCounterTest {

    private static final Instant NOON = Instant.parse("2026-12-05T12:00:00.250Z");

    private final AtomicLong now = new AtomicLong(NOON.toEpochMilli());
    private final UsageCounter counter = new UsageCounter(now::get);

    @Test
    void eachKindIsCountedPerTicketAndDrainedOnce() {
        counter.allowed("t1");
        counter.allowed("t1");
        counter.forbidden("t1");
        counter.invalid("t1");
        counter.invalid("t2");

        assertThat(counter.drain()).containsExactlyInAnyOrder(
                new TicketUsage("t1", LocalDate.parse("2026-12-05"), 2, 1, 1, Instant.parse("2026-12-05T12:00:00Z")),
                new TicketUsage("t2", LocalDate.parse("2026-12-05"), 0, 0, 1, null));
        assertThat(counter.drain()).as("nothing since").isEmpty();
    }

    @Test
    void aRequestCountsOnItsUtcDayAndTheLastAllowedOneIsKeptToTheSecond() {
        now.set(Instant.parse("2026-12-05T23:59:59.900Z").toEpochMilli());
        counter.allowed("t1");
        now.set(Instant.parse("2026-12-06T00:00:01.100Z").toEpochMilli());
        counter.allowed("t1");
        counter.allowed("t1");

        assertThat(counter.drain()).containsExactlyInAnyOrder(
                new TicketUsage("t1", LocalDate.parse("2026-12-05"), 1, 0, 0, Instant.parse("2026-12-05T23:59:59Z")),
                new TicketUsage("t1", LocalDate.parse("2026-12-06"), 2, 0, 0, Instant.parse("2026-12-06T00:00:01Z")));
    }

    @Test
    void whatCouldNotBeSentComesWithTheNextDrain() {
        counter.allowed("t1");
        List<TicketUsage> unsent = counter.drain();
        counter.allowed("t1");
        counter.restore(unsent);
        assertThat(counter.drain()).singleElement().satisfies(u -> assertThat(u.allowed()).isEqualTo(2));
    }

    @Test
    void countsMadeWhileDrainingAreNeitherLostNorCountedTwice() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int perThread = 200_000;
        for (int t = 0; t < 2; t++) {
            pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    counter.allowed("hot");
                }
            });
        }
        long drained = 0;
        pool.shutdown();
        while (!pool.awaitTermination(1, TimeUnit.MILLISECONDS)) {
            drained += counter.drain().stream().mapToLong(TicketUsage::allowed).sum();
        }
        drained += counter.drain().stream().mapToLong(TicketUsage::allowed).sum();
        assertThat(drained).isEqualTo(2L * perThread);
    }

    @Test
    void daysBeforeYesterdayAreForgottenOnceDrained() {
        counter.allowed("t1");
        now.set(NOON.plusSeconds(86_400).toEpochMilli());
        counter.drain();
        assertThat(counter.held()).as("yesterday is kept").isOne();
        now.set(NOON.plusSeconds(2 * 86_400).toEpochMilli());
        counter.drain();
        assertThat(counter.held()).isZero();
    }
}
