package com.onecloud.bench;

import java.util.List;
import java.util.Locale;

/** The median of a few rounds, and the rounds themselves for the report. */
final class Stats {

    private Stats() {
    }

    /** The median: one round disturbed by the machine does not decide it. */
    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Each value in {@code format}, comma-separated. */
    static String joined(List<Double> values, String format) {
        return String.join(", ", values.stream().map(v -> String.format(Locale.ROOT, format, v)).toList());
    }
}
