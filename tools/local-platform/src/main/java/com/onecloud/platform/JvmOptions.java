package com.onecloud.platform;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.sun.management.HotSpotDiagnosticMXBean;

/** The JVM options each service is started with; docs/benchmarks.md has the measurements behind them. */
final class JvmOptions {

    /**
     * Parallel GC rather than Serial: its young collections use both cores, so auth-service pauses less and decides
     * more per second, at the same RSS (docs/benchmarks.md).
     */
    private static final String PARALLEL_GC = "-XX:+UseParallelGC";
    /**
     * Heaps sized to the services' live sets under load rather than large ones
     * that the collector fills before it collects: the JVM commits the whole heap at start on this machine, and the old
     * generation fills to its limit over a long run, so the limit is what it holds resident at worst.
     */
    static final String HEAP = "-Xmx128m";
    /**
     * resource-service, without an ORM, has a much smaller live set than the others, but it holds its subscribers'
     * streams (subscriptions, contract §4): 48 MiB, twice its live set without them, ran out with 2,000 idle streams;
     * this leaves room for them (docs/benchmarks.md, "Subscriptions").
     */
    static final String RESOURCE_HEAP = "-Xmx96m";
    /**
     * Returns the C heap that the JIT compilers free after a burst of compilation to the OS every 2 s; glibc keeps it
     * otherwise, as resident memory that nothing uses. Only JDKs that have the option get it: an unknown option stops the JVM.
     */
    static final String TRIM_NATIVE_HEAP = "-XX:TrimNativeHeapInterval=2000";
    /**
     * Young generations smaller than the default third of the heap: the collector touches the whole young generation
     * at every cycle, so all of it is resident under any load. A small one takes more off the services' peak RSS than
     * it costs them in throughput; auth-service, whose decisions allocate the fastest, gets a little more room
     * (docs/benchmarks.md).
     */
    static final String SMALL_YOUNG_GENERATION = "-Xmn16m";
    static final String AUTH_YOUNG_GENERATION = "-Xmn24m";
    /**
     * ticket-service is tuned for footprint rather than peak throughput: it serves administrators and applications
     * managing tickets, not every request of the platform. The C1 compiler only: it starts faster and peaks lower, at
     * a cost in warm ticket creation that its traffic does not notice. auth- and resource-service, which serve every
     * request, keep C2, without which they would lose about half their throughput (docs/benchmarks.md).
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
