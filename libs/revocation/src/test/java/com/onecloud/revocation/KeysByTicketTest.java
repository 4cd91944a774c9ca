package com.onecloud.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class KeysByTicketTest {

    private final KeysByTicket index = new KeysByTicket();

    @Test
    void aTicketsKeysAreFoundAgainUntilRemoved() {
        index.addIf("t1", "k1", () -> true);
        index.addIf("t1", "k1", () -> true);
        index.addIf("t1", "k2", () -> true);
        index.addIf("t1", "k3", () -> true);
        index.addIf("t2", "k4", () -> true);

        assertThat(index.removeIf("t1", "k2"::equals)).containsExactly("k2");
        assertThat(index.removeAll("t1")).containsExactlyInAnyOrder("k1", "k3");
        assertThat(index.removeAll("t1")).isEmpty();
        assertThat(index.removeAll("t2")).containsExactly("k4");
    }

    @Test
    void aKeyIsIndexedOnlyWhenTheActionSaysSo() {
        assertThat(index.addIf("t1", "k1", () -> false)).isFalse();
        assertThat(index.addIf("t1", "k2", () -> true)).isTrue();

        assertThat(index.removeAll("t1")).containsExactly("k2");
    }

    @Test
    void removingTheLastKeysForgetsTheTicket() {
        index.addIf("t1", "k1", () -> true);
        index.addIf("t1", "k2", () -> true);

        assertThat(index.removeIf("t1", key -> true)).containsExactlyInAnyOrder("k1", "k2");
        assertThat(index.removeIf("t1", key -> true)).isEmpty();
        assertThat(index.removeIf("unknown", key -> true)).isEmpty();
        index.addIf("t1", "k3", () -> true);
        assertThat(index.removeAll("t1")).containsExactly("k3");
    }

    @Test
    void clearForgetsEveryTicket() {
        index.addIf("t1", "k1", () -> true);
        index.addIf("t2", "k2", () -> true);

        index.clear();

        assertThat(index.removeAll("t1")).isEmpty();
        assertThat(index.removeAll("t2")).isEmpty();
    }

    /**
     * The contract the caches rely on: a writer that checks for the revocation inside {@code addIf} and a revoker that
     * records the revocation before {@code removeAll} never leave a cached key behind, however they interleave.
     */
    @Test
    void checkThenCacheNeverOutlivesRecordThenRemove() throws InterruptedException {
        for (int round = 0; round < 200; round++) {
            String ticket = "t" + round;
            AtomicBoolean revoked = new AtomicBoolean();
            Set<String> cached = ConcurrentHashMap.newKeySet();
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                String prefix = ticket + "/" + w + "/";
                Thread writer = new Thread(() -> {
                    for (int i = 0; i < 50; i++) {
                        String key = prefix + i;
                        index.addIf(ticket, key, () -> !revoked.get() && cached.add(key));
                    }
                });
                writer.start();
                writers.add(writer);
            }
            revoked.set(true);
            cached.removeAll(index.removeAll(ticket));
            for (Thread writer : writers) {
                writer.join();
            }

            assertThat(cached).as("round %d", round).isEmpty();
            assertThat(index.removeAll(ticket)).isEmpty();
        }
    }
}
