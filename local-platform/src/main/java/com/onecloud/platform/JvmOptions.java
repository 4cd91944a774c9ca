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

    private JvmOptions() {
    }

    static List<String> forServices() {
        return forServices(JvmOptions::supported);
    }

    static List<String> forServices(Predicate<String> supported) {
        List<String> options = new ArrayList<>(ALWAYS);
        if (supported.test("TrimNativeHeapInterval")) {
            options.add(TRIM_NATIVE_HEAP);
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
