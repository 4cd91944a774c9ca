package com.onecloud.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording of a benchmark run: where the CPU samples are (self and inclusive, by method and by
 * package prefix) and how long garbage collection paused the service. {@code tools/benchmarks/jfr-top.sh FILE}.
 */
public final class JfrTop {

    private JfrTop() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> selfPackage = new HashMap<>();
        int samples = 0;
        long gcPauseNanos = 0;
        int gcs = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = e.getEventType().getName();
            if (type.equals("jdk.ExecutionSample")) {
                RecordedStackTrace st = e.getStackTrace();
                if (st == null || st.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                String top = name(st.getFrames().get(0).getMethod());
                self.merge(top, 1, Integer::sum);
                selfPackage.merge(pkg(st.getFrames().get(0).getMethod()), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame f : st.getFrames()) {
                    String n = name(f.getMethod());
                    if (seen.add(n)) {
                        inclusive.merge(n, 1, Integer::sum);
                    }
                }
            } else if (type.equals("jdk.GarbageCollection")) {
                gcs++;
                gcPauseNanos += e.getDuration("sumOfPauses").toNanos();
            }
        }
        int total = samples;
        System.out.printf("%s: %d execution samples, %d GCs, %.1f ms total GC pause%n", args[0], samples, gcs,
                gcPauseNanos / 1e6);
        print("self time by package (top frame)", selfPackage, total, 15);
        print("self time by method", self, total, 25);
        print("inclusive time by method", inclusive, total, 60);
    }

    private static void print(String title, Map<String, Integer> counts, int total, int limit) {
        System.out.println("\n== " + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(Integer.getInteger("limit", limit))
                .forEach(en -> System.out.printf("%5.1f%%  %s%n", 100.0 * en.getValue() / total, en.getKey()));
    }

    private static String name(RecordedMethod m) {
        return m.getType().getName() + "." + m.getName();
    }

    private static String pkg(RecordedMethod m) {
        String n = m.getType().getName();
        String[] parts = n.split("\\.");
        return parts.length > 3 ? String.join(".", parts[0], parts[1], parts[2]) : n;
    }
}
