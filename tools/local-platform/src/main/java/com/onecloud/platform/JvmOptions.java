package com.onecloud.platform;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.sun.management.HotSpotDiagnosticMXBean;

/** The JVM options each service is started with; docs/benchmarks.md has the measurements behind them. */
final class JvmOptions {

    /**
     * Parallel GC rather than Serial: its young collections use both cores, which gave auth-service more decisions per
     * second and less time paused in every one of 5 A/B pairs, at the same RSS in all three services.
     */
    private static final String PARALLEL_GC = "-XX:+UseParallelGC";
    /**
     * Heaps sized to the services' live sets (30–65 MiB under load in ticket- and auth-service) rather than large ones
     * that the collector fills before it collects: the JVM commits the whole heap at start on this machine, and the old
     * generation fills to its limit over a long run, so the limit is what it holds resident at worst.
     */
    static final String HEAP = "-Xmx128m";
    /**
     * resource-service, without an ORM, keeps 15–18 MiB in its old generation after a full collection. With a larger
     * heap its RSS still crept towards the memory target in long runs as the old generation filled, with the JIT's
     * arenas on top, so it gets 48 MiB: an old generation of twice its live set (docs/benchmarks.md).
     */
    static final String RESOURCE_HEAP = "-Xmx48m";
    /**
     * Returns the C heap that the JIT compilers free after a burst of compilation to the OS every 2 s; glibc keeps it
     * otherwise (7–30 MiB of RSS). Only JDKs that have the option get it: an unknown option stops the JVM.
     */
    static final String TRIM_NATIVE_HEAP = "-XX:TrimNativeHeapInterval=2000";
    /**
     * Young generations smaller than the default third of the heap (42 MiB of 128): the collector touches the whole young
     * generation at every cycle, so all of it is resident under any load. 16 MiB took 15–26 MiB off ticket- and
     * resource-service's peaks, at the same rate of ticket creation and 0–4 % fewer contact reads. auth-service, whose
     * decisions allocate the fastest, gets 24 MiB: 14–21 MiB off its peak, for 3–6 % fewer warm decisions per second at
     * the same p99 (docs/benchmarks.md).
     */
    static final String SMALL_YOUNG_GENERATION = "-Xmn16m";
    static final String AUTH_YOUNG_GENERATION = "-Xmn24m";
    /**
     * ticket-service is tuned for footprint rather than peak throughput: it serves administrators and applications
     * managing tickets, not every request of the platform. The C1 compiler only: with the trained class archive it
     * started in 2.9–3.0 s instead of 3.9–4.1 s, and under ticket creation it peaked at 236 MiB instead of 307 MiB,
     * while warm ticket creation went from 1,600/s to 910/s. auth- and resource-service, which serve every request,
     * keep C2 (C1 only cost resource-service 55–58 % of its reads).
     */
    static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    private JvmOptions() {
    }

    static List<String> forService(String service) {
        return forService(service, JvmOptions::supported);
    }

    static List<String> forService(String service, Predicate<String> supported) {
        List<String> options = new ArrayList<>();
        options.add(Platform.RESOURCE.equals(service) ? RESOURCE_HEAP : HEAP);
        options.add(PARALLEL_GC);
        if (supported.test("TrimNativeHeapInterval")) {
            options.add(TRIM_NATIVE_HEAP);
        }
        if (Platform.TICKET.equals(service)) {
            options.add(C1_ONLY);
        }
        options.add(Platform.AUTH.equals(service) ? AUTH_YOUNG_GENERATION : SMALL_YOUNG_GENERATION);
        return List.copyOf(options);
    }

    /** Whether this JVM, which is also the one that runs the services, knows the {@code -XX} option. */
    static boolean supported(String option) {
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(option);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
