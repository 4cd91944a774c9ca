package com.onecloud.bench;

import static com.onecloud.bench.Report.f0;
import static com.onecloud.bench.Report.f1;
import static com.onecloud.bench.Report.f2;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * auth-service's decisions, straight to its decision API: warm (one token, answered from its cache), the floor (the
 * same request without a credential) and cold (every request a different real token).
 */
record DecisionsScenario(BenchRun run, Seed seed) implements Scenario {

    private static final String JSON_HEADERS = "Content-Type: application/json\nAccept: application/json";
    private static final int PEER_SLICE_S = 10;
    private static final int PEER_MIN_WARMUP_S = 60;
    /** JIT compilations in a slice of the peer's warm-up below which its JIT counts as quiet. */
    private static final int QUIET_COMPILATIONS = 20;
    /** How much faster than the slice before a slice of the peer's warm-up may run for its JIT to count as done. */
    private static final double QUIET_GAIN = 0.03;

    @Override
    public String phase() {
        return "decisions";
    }

    @Override
    public void measure() throws Exception {
        Peer peer = startPeer();
        try {
            warmAndFloor(peer);
        } finally {
            peer.running().ifPresent(KeycloakPeer::close);
        }
        cold();
    }

    /**
     * Warm decisions, their floor and, where it runs, the peer's introspection, in rounds of three adjacent runs: the
     * ratios come from runs minutes apart at most, on a machine whose speed moves by the hour. The warm-up is as
     * long as an independent run's (30 s at least), and the rounds span several expiries of the token's 30 s cache
     * entry, as anyone's measurement of a few minutes does: the p99 reported is the one a user running wrk once
     * sees.
     */
    private void warmAndFloor(Peer started) throws Exception {
        Optional<KeycloakPeer> peer = started.running();
        Log.info("decisions (warm, floor" + (peer.isPresent() ? ", Keycloak" : "") + ")");
        BenchConfig config = run.config();
        Wrk wrk = run.wrk();
        Report report = run.report();
        String url = run.loopback(run.platform().authUrl(), "/api/internal/v1/decisions");
        Api.UserToken warmToken = seed.api().newUserToken(seed.admin(), seed.org(), "decision-user", "CONTACTS");
        String body = Api.decisionRequest("Bearer " + warmToken.token());
        Map<String, String> warmEnv = Map.of("BENCH_METHOD", "POST", "BENCH_BODY", body, "BENCH_HEADERS", JSON_HEADERS);
        String first = Api.decide(url, body);
        if (!first.contains("\"ALLOW\"")) {
            throw new IllegalStateException("decision is not ALLOW: " + first);
        }
        // The same request without a credential: answered from memory with no hashing and no cache, the least work the
        // endpoint does. Its tail is what the machine, the HTTP stack and the collector add under this load shape.
        Map<String, String> floorEnv = Map.of("BENCH_METHOD", "POST", "BENCH_BODY", "{\"audience\":\"USER_API\"}",
                "BENCH_HEADERS", JSON_HEADERS);
        int warmup = config.pathWarmup();
        wrk.run("decisions-warm-warmup", url, "request.lua", warmEnv, warmup);
        wrk.run("decisions-floor-warmup", url, "request.lua", floorEnv, Math.max(1, config.warmup() / 2));
        List<Wrk.Result> warm = new ArrayList<>();
        List<Wrk.Result> floor = new ArrayList<>();
        List<Wrk.Result> keycloak = new ArrayList<>();
        List<Wrk.Result> table = new ArrayList<>();
        List<Cpu> warmCpu = new ArrayList<>();
        List<Cpu> floorCpu = new ArrayList<>();
        List<Cpu> keycloakCpu = new ArrayList<>();
        Optional<ProcessHandle> auth = Services.process("auth-service");
        Optional<ProcessHandle> keycloakJvm = peer.map(KeycloakPeer::jvm);
        Map<String, Double> rss = Map.of();
        Map<String, Double> counters = Map.of();
        double peerRss = 0;
        for (int round = 1; round <= config.decisionRounds(); round++) {
            CpuSplit.Snapshot before = CpuSplit.now(auth);
            Measured w = measured("decisions-warm-" + round, url, "request.lua", warmEnv, config.duration());
            warm.add(w.result());
            warmCpu.add(Cpu.since(auth, before, w.result()));
            rss = w.rss();
            counters = w.counters();
            before = CpuSplit.now(auth);
            floor.add(report.check(wrk.run("decisions-floor-" + round, url, "request.lua", floorEnv,
                    config.duration())));
            floorCpu.add(Cpu.since(auth, before, floor.get(floor.size() - 1)));
            table.add(w.result());
            table.add(floor.get(floor.size() - 1));
            if (peer.isPresent()) {
                before = CpuSplit.now(keycloakJvm);
                Wrk.Result k = report.check(wrk.run("keycloak-introspection-" + round, peer.get().introspectionUrl(),
                        "request.lua", peer.get().introspectionRequest(), config.duration()));
                keycloakCpu.add(Cpu.since(keycloakJvm, before, k));
                keycloak.add(k);
                table.add(k);
                peerRss = Math.max(peerRss, peer.get().rssMiB());
            }
        }
        report.rssUnderLoad("2. decisions, warm", rss);

        report.append("## 2. auth-service decisions\n\n`POST /api/internal/v1/decisions` straight to auth-service, body"
                + " `{\"authorization\":\"Bearer oc_...\",\"queryToken\":null,\"audience\":\"USER_API\",\"api\":\"CONTACTS\"}`,"
                + " every answer `200` with outcome ALLOW. *Warm*: one token repeated, after ").append(warmup)
                .append(" s of warm-up; ").append(config.decisionRounds()).append(" rounds of ")
                .append(config.duration()).append(" s each of warm, floor")
                .append(peer.isPresent() ? " and Keycloak's introspection" : "").append(", one after the other, so"
                        + " that the token's 30 s cache entry expires inside the measured runs as in anyone's run of"
                        + " a few minutes. *Floor*: the warm run's request without a credential"
                        + " (`{\"audience\":\"USER_API\"}`, answered UNAUTHENTICATED from memory: no hashing, no"
                        + " cache), the least work the endpoint does; its p99 is what the machine, the HTTP stack and"
                        + " the collector add under the same load shape.");
        if (peer.isPresent()) {
            report.append(" *Keycloak*: ").append(KeycloakPeer.VERSION).append(" (production mode, file database,"
                    + " local cache, its default heap) on ").append(KeycloakPeer.jdk().map(Path::toString).orElse("?"))
                    .append(", RFC 7662 `POST /realms/bench/protocol/openid-connect/token/introspect` of a user's"
                            + " access token by a confidential client (Basic), after ").append(started.note())
                    .append("; RSS at most ").append(f0(peerRss)).append(" MiB.");
        } else {
            report.append(" *Keycloak*: not run: ").append(started.note()).append('.');
        }
        report.append("\n\n");
        report.table(table);
        double warmRps = Stats.median(warm.stream().map(Wrk.Result::rps).toList());
        double warmP99 = Stats.median(warm.stream().map(Wrk.Result::p99Ms).toList());
        double worstP99 = warm.stream().mapToDouble(Wrk.Result::p99Ms).max().orElse(0);
        List<Double> overFloor = new ArrayList<>();
        List<Double> throughputRatio = new ArrayList<>();
        List<Double> p99Ratio = new ArrayList<>();
        for (int i = 0; i < warm.size(); i++) {
            overFloor.add(warm.get(i).p99Ms() / floor.get(i).p99Ms());
            if (!keycloak.isEmpty()) {
                throughputRatio.add(warm.get(i).rps() / keycloak.get(i).rps());
                p99Ratio.add(keycloak.get(i).p99Ms() / warm.get(i).p99Ms());
            }
        }
        report.append("\n| warm decisions (median of rounds) | value | rounds | target |\n|---|---|---|---|\n")
                .append("| decisions/s | ").append(f0(warmRps)).append(" | ")
                .append(Stats.joined(warm.stream().map(Wrk.Result::rps).toList(), "%.0f")).append(" | ≥ 15,000/s |\n")
                .append("| p99 | ").append(f2(warmP99)).append(" ms (worst round ").append(f2(worstP99))
                .append(" ms) | ").append(Stats.joined(warm.stream().map(Wrk.Result::p99Ms).toList(), "%.2f ms"))
                .append(" | < 6 ms |\n")
                .append("| p99 / floor's p99 | ").append(f2(Stats.median(overFloor))).append("× | ")
                .append(Stats.joined(overFloor, "%.2f×")).append(" | ≤ 1.5× |\n");
        if (!keycloak.isEmpty()) {
            report.append("| throughput / Keycloak's introspection | **").append(f1(Stats.median(throughputRatio)))
                    .append("×** | ").append(Stats.joined(throughputRatio, "%.1f×")).append(" | ≥ 20× |\n")
                    .append("| Keycloak's p99 / ours | **").append(f1(Stats.median(p99Ratio))).append("×** | ")
                    .append(Stats.joined(p99Ratio, "%.1f×")).append(" | ≥ 8× |\n");
        }
        report.append("| auth-service cache hits / misses / credential lookups, last round | ")
                .append(metricTriple(counters)).append(" | | |\n\n");
        cpuSplit(warmCpu, floorCpu, keycloakCpu, keycloak);
        report.rssLine("the warm runs", rss);
    }

    /** A run's CPU time per request, in µs: of the process that answered and of the load generator. */
    private record Cpu(double server, double generator) {

        static Cpu since(Optional<ProcessHandle> server, CpuSplit.Snapshot before, Wrk.Result result) {
            CpuSplit.Snapshot after = CpuSplit.now(server);
            return new Cpu(after.serviceMicros(before, result.requests()),
                    after.generatorMicros(before, result.requests()));
        }
    }

    /**
     * Where the decisions' CPU went, and what a rate of 20× Keycloak's would take of the machine: the generator shares
     * its cores, so what it leaves of them bounds any server's rate.
     */
    private void cpuSplit(List<Cpu> warm, List<Cpu> floor, List<Cpu> keycloak, List<Wrk.Result> keycloakRuns) {
        Report report = run.report();
        report.append("CPU time per request from `/proc` (medians of the rounds): the server's process and wrk.\n\n"
                + "| run | server | wrk |\n|---|---|---|\n");
        cpuRow("warm decisions (auth-service)", warm);
        cpuRow("floor (auth-service)", floor);
        if (keycloak.isEmpty()) {
            report.append('\n');
            return;
        }
        cpuRow("Keycloak's introspection", keycloak);
        double target = 20 * Stats.median(keycloakRuns.stream().map(Wrk.Result::rps).toList());
        double generator = target * Stats.median(warm.stream().map(Cpu::generator).toList()) / 1e6;
        double server = target * Stats.median(floor.stream().map(Cpu::server).toList()) / 1e6;
        report.append("\nAt 20× Keycloak's median rate, ").append(f0(target)).append(" requests/s, wrk alone would"
                + " take ").append(f2(generator)).append(" cores (its CPU per warm decision) and auth-service ")
                .append(f2(server)).append(" cores at its floor's CPU per request: ").append(f2(generator + server))
                .append(" of the machine's ").append(Runtime.getRuntime().availableProcessors())
                .append(", which the two share.\n\n");
    }

    private void cpuRow(String name, List<Cpu> rounds) {
        run.report().append("| ").append(name).append(" | ")
                .append(f0(Stats.median(rounds.stream().map(Cpu::server).toList()))).append(" µs | ")
                .append(f0(Stats.median(rounds.stream().map(Cpu::generator).toList()))).append(" µs |\n");
    }

    /**
     * The peer, if it runs, and for the report how long it was warmed, or why it does not run.
     */
    private record Peer(Optional<KeycloakPeer> running, String note) {
    }

    /** Keycloak started, set up and warmed until its JIT is quiet; none (and why) if it cannot run here. */
    private Peer startPeer() throws Exception {
        if (!run.config().peer()) {
            return new Peer(Optional.empty(), "BENCH_PEER=0");
        }
        Path cache = run.folder().getParent().resolve("keycloak");
        Optional<String> unavailable = KeycloakPeer.unavailable(cache);
        if (unavailable.isPresent()) {
            Log.info("skipping the Keycloak peer: " + unavailable.get());
            return new Peer(Optional.empty(), unavailable.get());
        }
        Log.info("starting Keycloak " + KeycloakPeer.VERSION);
        KeycloakPeer peer = KeycloakPeer.start(cache, run.folder(), BenchmarkMain.freePort(), BenchmarkMain.freePort());
        try {
            // Warm in slices until a slice adds few JIT compilations and no longer runs faster than the one before: a
            // JVM still compiling its hot path is not measured at its best, and Keycloak's is long. On a busy machine
            // the JIT gets little CPU and compiles slowly, so a slice with few compilations alone is not enough.
            long start = System.nanoTime();
            long before = peer.compilations();
            int slices = 0;
            long added = Long.MAX_VALUE;
            double previousRate = 0;
            double gain = Double.MAX_VALUE;
            while ((System.nanoTime() - start) / 1e9 < run.config().peerWarmup()) {
                double rate = run.wrk().run("keycloak-warmup-" + (++slices), peer.introspectionUrl(), "request.lua",
                        peer.introspectionRequest(), PEER_SLICE_S).rps();
                long now = peer.compilations();
                added = now - before;
                before = now;
                gain = previousRate == 0 ? Double.MAX_VALUE : rate / previousRate - 1;
                previousRate = rate;
                if (slices * PEER_SLICE_S >= PEER_MIN_WARMUP_S && added <= QUIET_COMPILATIONS
                        && gain <= QUIET_GAIN) {
                    break;
                }
            }
            if (!peer.tokenActive()) {
                throw new IllegalStateException("Keycloak no longer reports the token active");
            }
            return new Peer(Optional.of(peer), slices * PEER_SLICE_S + " s of warm-up (the last " + PEER_SLICE_S
                    + " s added " + added + " JIT compilations and ran " + Report.f1(100 * gain) + " % faster than the"
                    + " slice before; warm-up stops at " + QUIET_COMPILATIONS + " compilations or fewer and "
                    + Report.f0(100 * QUIET_GAIN) + " % or less after at least " + PEER_MIN_WARMUP_S + " s, or after "
                    + run.config().peerWarmup() + " s)");
        } catch (Exception e) {
            peer.close();
            throw e;
        }
    }

    private void cold() throws Exception {
        BenchConfig config = run.config();
        Wrk wrk = run.wrk();
        Report report = run.report();
        String url = run.loopback(run.platform().authUrl(), "/api/internal/v1/decisions");
        int coldTokens = config.coldTokens();
        int coldWarmupTokens = config.coldWarmupTokens();
        Log.info("issuing " + coldTokens + " USER tokens for the cold run");
        long t0 = System.nanoTime();
        Path tokens = issueTokens(coldTokens);
        double issueSeconds = (System.nanoTime() - t0) / 1e9;
        Log.info("issued in " + f1(issueSeconds) + " s");
        Map<String, String> coldWarmEnv = Map.of("BENCH_TOKENS", tokens.toString(), "BENCH_TOKEN_FROM", "0",
                "BENCH_TOKEN_TO", Integer.toString(coldWarmupTokens));
        Map<String, String> coldEnv = Map.of("BENCH_TOKENS", tokens.toString(), "BENCH_TOKEN_FROM",
                Integer.toString(coldWarmupTokens), "BENCH_TOKEN_TO", Integer.toString(coldTokens));
        wrk.run("decisions-cold-warmup", url, "decide-cycle.lua", coldWarmEnv, 3);
        Measured cold = measured("decisions-cold", url, "decide-cycle.lua", coldEnv, config.coldDuration());
        report.rssUnderLoad("2. decisions, cold", cold.rss());
        report.append("### Cold decisions\n\n").append(coldTokens).append(" real USER tokens issued through"
                + " ticket-service beforehand (in ").append(f1(issueSeconds)).append(" s); the first ")
                .append(coldWarmupTokens).append(" warm the JIT on the miss path (3 s), the measured run sends each"
                        + " of the other ").append(coldTokens - coldWarmupTokens).append(" once (wrapping round only"
                        + " if the run outlasts them; the cache hits counted below show whether it did). Real tokens,"
                        + " not unknown ones, so that a cold decision does all of its work: checksum, lookup by id,"
                        + " SHA-256 and constant-time comparison, policy, cache insert.\n\n");
        report.table(List.of(cold.result()));
        report.append("\nauth-service cache hits / misses / credential lookups during the run: ")
                .append(metricTriple(cold.counters())).append(".\n\n");
        report.rssLine("the cold run", cold.rss());
    }

    /** A measured run, the services' maximum RSS during it, and how auth-service's counters moved. */
    private record Measured(Wrk.Result result, Map<String, Double> rss, Map<String, Double> counters) {
    }

    private Measured measured(String name, String url, String script, Map<String, String> env, int seconds) {
        Map<String, Double> before = authMetrics();
        Wrk.Result result;
        Map<String, Double> rss;
        try (Services.RssSampler sampler = new Services.RssSampler(); JfrRecording jfr = run.jfr(name, "auth-service")) {
            result = run.report().check(run.wrk().run(name, url, script, env, seconds));
            rss = sampler.max();
        }
        return new Measured(result, rss, delta(before, authMetrics()));
    }

    /** USER tokens of distinct users, issued by eight clients at once, one a line in the run folder. */
    private Path issueTokens(int count) throws Exception {
        List<String> tokens = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(count, (String) null)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> tokens.set(index, seed.api().newUserToken(seed.admin(), seed.org(),
                        "cold-user-" + index, "CONTACTS").token())));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Path file = run.folder().resolve("cold-tokens.txt");
        Files.write(file, tokens);
        return file;
    }

    /** auth-service's cache and lookup counters; their difference over a run shows how cold it really was. */
    private Map<String, Double> authMetrics() {
        Map<String, Double> values = new HashMap<>();
        for (String line : Api.get(run.platform().authUrl() + "/q/metrics").split("\n")) {
            if (line.startsWith("onecloud_auth_cache_requests_total") || line.startsWith(
                    "onecloud_auth_credential_lookups_total")) {
                int space = line.lastIndexOf(' ');
                values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return values;
    }

    private static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> d = new HashMap<>();
        after.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0.0)));
        return d;
    }

    private static String metricTriple(Map<String, Double> d) {
        double hit = sum(d, "result=\"hit\"");
        double miss = sum(d, "result=\"miss\"");
        double lookups = sum(d, "onecloud_auth_credential_lookups_total");
        return f0(hit) + " / " + f0(miss) + " / " + f0(lookups);
    }

    private static double sum(Map<String, Double> d, String contains) {
        return d.entrySet().stream().filter(e -> e.getKey().contains(contains)).mapToDouble(Map.Entry::getValue).sum();
    }
}
