package com.onecloud.bench;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's settings, each read once from the environment at start with its default. {@code tools/benchmarks/run.sh}
 * lists the same settings; its own {@code BENCH_SKIP_BUILD} never reaches the driver.
 *
 * @param duration BENCH_DURATION: seconds of each measured wrk run (20)
 * @param warmup BENCH_WARMUP: seconds of wrk before a measurement starts counting (10); the CRUD and floor runs warm up
 *        for half of it
 * @param contacts BENCH_CONTACTS: contacts seeded into resource-service's table, read at random by the CRUD and soak
 *        runs (100,000)
 * @param revocations BENCH_REVOCATIONS: revocations timed (100)
 * @param revocationWarmup BENCH_REVOCATION_WARMUP: revocations made first and not counted, to warm the revoke, relay and
 *        eviction paths (10)
 * @param coldTokens BENCH_COLD_TOKENS: USER tokens issued for the cold decisions, each sent once (30,000)
 * @param coldWarmupTokens BENCH_COLD_WARMUP_TOKENS: of those, how many warm the miss path before the cold run (3,000)
 * @param coldDuration BENCH_COLD_DURATION: seconds of the cold run, short enough not to run out of fresh tokens (4)
 * @param soak BENCH_SOAK: seconds of the soak run (300; 0 skips it)
 * @param startupRuns BENCH_STARTUP_RUNS: restarts timed per service (3)
 * @param quietPercent BENCH_QUIET_PERCENT: a start is measured once the CPUs are at most this busy over 2 s, or after
 *        60 s (10; 100: at once)
 * @param overheadRounds BENCH_OVERHEAD_ROUNDS: rounds of adjacent unauthenticated and authenticated runs (3)
 * @param wrkThreads BENCH_WRK_THREADS: wrk's {@code -t} (2)
 * @param wrkConnections BENCH_WRK_CONNECTIONS: wrk's {@code -c} (32)
 * @param users BENCH_USERS: directory users, each with a USER ticket, seeded for the list and search paths (10,000)
 * @param decisionRounds BENCH_DECISION_ROUNDS: rounds of warm decisions, their floor and the peer's introspection, one
 *        after the other, for the decision ratios (3)
 * @param peer BENCH_PEER: 1 runs Keycloak beside the platform for the decision ratios, 0 skips it (1)
 * @param peerWarmup BENCH_PEER_WARMUP: the most seconds Keycloak's introspection is warmed until its JIT is quiet (240)
 * @param usageRounds BENCH_USAGE_ROUNDS: rounds of authenticated reads with usage counting on and off (5)
 * @param phases BENCH_PHASES: a comma list of startup, overhead, lists, decisions, usage, crud, revocation, console,
 *        soak (empty: all)
 * @param serviceEnvironment extra environment for every service: BENCH_SERVICE_ENV ({@code NAME=value;...}, for
 *        experiments) and, with BENCH_NMT=1, the option that turns native memory tracking on
 * @param nmt BENCH_NMT=1: native memory tracking in every service, its summary in {@code memory-<service>.txt} (0)
 * @param jfr BENCH_JFR=1: a JFR recording of the service under test during each measurement (0); it costs throughput,
 *        so such a run is a profile, not a measurement
 */
record BenchConfig(int duration, int warmup, int contacts, int revocations, int revocationWarmup, int coldTokens,
        int coldWarmupTokens, int coldDuration, int soak, int startupRuns, int quietPercent, int overheadRounds,
        int wrkThreads, int wrkConnections, int users, int decisionRounds, boolean peer, int peerWarmup,
        int usageRounds, List<String> phases, Map<String, String> serviceEnvironment, boolean nmt,
        boolean jfr) {

    /** An independent run's warm-up (issue 26's): warm decisions and each list path are measured after at least this. */
    private static final int PATH_WARMUP_S = 30;

    /** Seconds of wrk before warm decisions and each list path: {@link #warmup()}, but at least 30. */
    int pathWarmup() {
        return Math.max(PATH_WARMUP_S, warmup);
    }

    static BenchConfig fromEnvironment(Map<String, String> env) {
        boolean nmt = number(env, "BENCH_NMT", 0) == 1;
        String phases = env.getOrDefault("BENCH_PHASES", "");
        return new BenchConfig(number(env, "BENCH_DURATION", 20), number(env, "BENCH_WARMUP", 10),
                number(env, "BENCH_CONTACTS", 100_000), number(env, "BENCH_REVOCATIONS", 100),
                number(env, "BENCH_REVOCATION_WARMUP", 10), number(env, "BENCH_COLD_TOKENS", 30_000),
                number(env, "BENCH_COLD_WARMUP_TOKENS", 3_000), number(env, "BENCH_COLD_DURATION", 4),
                number(env, "BENCH_SOAK", 300), number(env, "BENCH_STARTUP_RUNS", 3),
                number(env, "BENCH_QUIET_PERCENT", 10), number(env, "BENCH_OVERHEAD_ROUNDS", 3),
                number(env, "BENCH_WRK_THREADS", 2), number(env, "BENCH_WRK_CONNECTIONS", 32),
                number(env, "BENCH_USERS", 10_000), number(env, "BENCH_DECISION_ROUNDS", 3),
                number(env, "BENCH_PEER", 1) == 1, number(env, "BENCH_PEER_WARMUP", 240),
                number(env, "BENCH_USAGE_ROUNDS", 5),
                phases.isBlank() ? List.of() : List.of(phases.split(",")),
                serviceEnvironment(nmt, env.getOrDefault("BENCH_SERVICE_ENV", "")), nmt,
                number(env, "BENCH_JFR", 0) == 1);
    }

    /** Whether the run includes this phase. */
    boolean runs(String phase) {
        return phases.isEmpty() || phases.contains(phase);
    }

    private static Map<String, String> serviceEnvironment(boolean nmt, String pairs) {
        Map<String, String> env = new HashMap<>();
        if (nmt) {
            env.put("JAVA_TOOL_OPTIONS", "-XX:NativeMemoryTracking=summary");
        }
        for (String pair : pairs.split(";")) {
            if (pair.contains("=")) {
                env.put(pair.substring(0, pair.indexOf('=')).trim(), pair.substring(pair.indexOf('=') + 1).trim());
            }
        }
        return Collections.unmodifiableMap(env);
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }
}
