package com.onecloud.platform;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.sun.management.HotSpotDiagnosticMXBean;

/** The JVM options each service is started with; docs/benchmarks.md has the measurements behind them. */
final class JvmOptions {

    /**
     * A heap sized to the services' live set (30–65 MiB under load) rather than a large one that the collector fills
     * before it collects. Parallel GC rather than Serial: its young collections use both cores, which gave auth-service
     * more decisions per second and less time paused in every one of 5 A/B pairs, at the same RSS in all three services.
     */
    private static final List<String> ALWAYS = List.of("-Xmx128m", "-XX:+UseParallelGC");
    /**
     * Returns the C heap that the JIT compilers free after a burst of compilation to the OS every 2 s; glibc keeps it
     * otherwise (7–30 MiB of RSS). Only JDKs that have the option get it: an unknown option stops the JVM.
     */
    static final String TRIM_NATIVE_HEAP = "-XX:TrimNativeHeapInterval=2000";
    /**
     * ticket-service runs with the C1 compiler only. It serves administrators and applications managing tickets, not
     * every request of the platform, and C2 is what put it over the start-up and memory targets: C1 only, it started in
     * 2.9–3.0 s instead of 4.6–4.9 s and peaked at 236 MiB instead of 307 MiB, while warm ticket creation went from
     * 1,600/s to 910/s (docs/benchmarks.md). auth- and resource-service, which serve every request, keep C2.
     */
    static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    private JvmOptions() {
    }

    static List<String> forService(String service) {
        return forService(service, JvmOptions::supported);
    }

    static List<String> forService(String service, Predicate<String> supported) {
        List<String> options = new ArrayList<>(ALWAYS);
        if (supported.test("TrimNativeHeapInterval")) {
            options.add(TRIM_NATIVE_HEAP);
        }
        if (Platform.TICKET.equals(service)) {
            options.add(C1_ONLY);
        }
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
