package com.onecloud.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Waits until the machine's CPUs are nearly idle, from {@code /proc/stat}. A service's start-up competes for the two
 * cores with whatever else runs; right after the platform (or a service) started, that is the other JVMs compiling for
 * tens of seconds. A start measured then measures its neighbours too.
 */
final class QuietMachine {

    /** How busy the CPUs were over the last window, and how long it took to get there. */
    record Quiet(double busyPercent, double waitedSeconds) {
    }

    private static final Duration WINDOW = Duration.ofSeconds(2);

    private QuietMachine() {
    }

    /** Returns once the CPUs were at most {@code maxBusyPercent} busy over a 2 s window, or after {@code atMost}. */
    static Quiet await(double maxBusyPercent, Duration atMost) throws InterruptedException {
        long start = System.nanoTime();
        while (true) {
            long[] before = cpuTicks();
            Thread.sleep(WINDOW.toMillis());
            long[] after = cpuTicks();
            double busy = 100.0 * (after[0] - before[0]) / Math.max(1, after[1] - before[1]);
            double waited = (System.nanoTime() - start) / 1e9;
            if (busy <= maxBusyPercent || waited >= atMost.toSeconds()) {
                return new Quiet(busy, waited);
            }
        }
    }

    /** {busy, total} jiffies of all CPUs since boot; idle and iowait count as not busy. */
    private static long[] cpuTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            // user, nice, system, idle, iowait, irq, softirq, steal (guest time is already in user and nice)
            for (int i = 1; i <= 8; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[] { total - idle, total };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
