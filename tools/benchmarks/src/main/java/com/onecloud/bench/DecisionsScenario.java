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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * auth-service's decisions, straight to its decision API: warm (one token, answered from its cache), the floor (the
 * same request without a credential) and cold (every request a different real token).
 */
record DecisionsScenario(BenchRun run, Seed seed) implements Scenario {

    private static final String JSON_HEADERS = "Content-Type: application/json\nAccept: application/json";

    @Override
    public String phase() {
        return "decisions";
    }

    @Override
    public void measure() throws Exception {
        Log.info("decisions (warm)");
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
        wrk.run("decisions-warm-warmup", url, "request.lua", warmEnv, config.warmup());
        Measured warm = measured("decisions-warm", url, "request.lua", warmEnv, config.duration());
        report.rssUnderLoad("2. decisions, warm", warm.rss());

        // The same request without a credential: answered from memory with no hashing and no cache, the least work the
        // endpoint does. Its tail is what the machine, the HTTP stack and the collector add under this load shape.
        Log.info("decisions (floor)");
        Map<String, String> floorEnv = Map.of("BENCH_METHOD", "POST", "BENCH_BODY", "{\"audience\":\"USER_API\"}",
                "BENCH_HEADERS", JSON_HEADERS);
        wrk.run("decisions-floor-warmup", url, "request.lua", floorEnv, Math.max(1, config.warmup() / 2));
        Wrk.Result floor = report.check(wrk.run("decisions-floor", url, "request.lua", floorEnv, config.duration()));

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

        report.append("## 2. auth-service decisions\n\n`POST /api/internal/v1/decisions` straight to auth-service, body"
                + " `{\"authorization\":\"Bearer oc_...\",\"queryToken\":null,\"audience\":\"USER_API\",\"api\":\"CONTACTS\"}`,"
                + " every answer `200` with outcome ALLOW. *Warm*: one token repeated. *Cold*: ")
                .append(coldTokens).append(" real USER tokens issued through ticket-service beforehand (in ")
                .append(f1(issueSeconds)).append(" s); the first ").append(coldWarmupTokens)
                .append(" warm the JIT on the miss path (3 s), the measured run sends each of the other ")
                .append(coldTokens - coldWarmupTokens).append(" once (wrapping round only if the run outlasts"
                        + " them; the cache hits counted below show whether it did). Real tokens, not unknown ones,"
                        + " so that a cold decision does all of its work: checksum, lookup by id, SHA-256 and"
                        + " constant-time comparison, policy, cache insert.\n\n");
        report.table(List.of(warm.result(), floor, cold.result()));
        report.append("\n*Floor*: the warm run's request without a credential (`{\"audience\":\"USER_API\"}`, answered"
                + " UNAUTHENTICATED from memory: no hashing, no cache), the least work the endpoint does. Its p99 is"
                + " what the machine, the HTTP stack and the collector add under the same load shape.\n")
                .append("\n| | warm | floor | cold | target |\n|---|---|---|---|---|\n")
                .append("| decisions/s | ").append(f0(warm.result().rps())).append(" | ").append(f0(floor.rps()))
                .append(" | ").append(f0(cold.result().rps())).append(" | warm ≥ 15,000/s |\n| p99 | ")
                .append(f2(warm.result().p99Ms())).append(" ms | ").append(f2(floor.p99Ms())).append(" ms | ")
                .append(f2(cold.result().p99Ms())).append(" ms | warm < 6 ms |\n")
                .append("| auth-service cache hits / misses / credential lookups during the run | ")
                .append(metricTriple(warm.counters())).append(" | | ").append(metricTriple(cold.counters()))
                .append(" | |\n\n");
        report.rssLine("the warm run", warm.rss());
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
