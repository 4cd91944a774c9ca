package com.onecloud.bench;

import static com.onecloud.bench.Report.f1;
import static com.onecloud.bench.Report.f2;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Authentication overhead: the same contact read with a valid Bearer token and through the {@code bench} build's
 * unauthenticated endpoint, which differs only in not being {@code @Protected}.
 */
record OverheadScenario(BenchRun run, Seed seed) implements Scenario {

    @Override
    public String phase() {
        return "overhead";
    }

    @Override
    public void measure() throws Exception {
        Log.info("authentication overhead");
        BenchConfig config = run.config();
        Wrk wrk = run.wrk();
        Report report = run.report();
        String id = seed.contactId(seed.contacts() / 2);
        String authUrl = run.loopback(run.platform().resourceUrl(), "/api/user/v1/contacts/" + id);
        String benchUrl = run.loopback(run.platform().resourceUrl(), "/bench/user/v1/contacts/" + id);
        String token = seed.userToken().token();
        Map<String, String> authEnv = Map.of("BENCH_HEADERS", "Authorization: Bearer " + token
                + "\nAccept: application/json");
        Map<String, String> benchEnv = Map.of("BENCH_HEADERS", "X-Bench-Organization: " + seed.org()
                + "\nX-Bench-User: " + seed.userId() + "\nAccept: application/json");
        Api.requireStatus(authUrl, Map.of("Authorization", "Bearer " + token), 200);
        Api.requireStatus(benchUrl, Map.of("X-Bench-Organization", seed.org(), "X-Bench-User", seed.userId()), 200);
        wrk.run("overhead-warmup-auth", authUrl, "request.lua", authEnv, config.warmup());
        wrk.run("overhead-warmup-noauth", benchUrl, "request.lua", benchEnv, config.warmup());
        int rounds = config.overheadRounds();
        List<Wrk.Result> withAuth = new ArrayList<>();
        List<Wrk.Result> without = new ArrayList<>();
        Map<String, Double> rss;
        try (Services.RssSampler sampler = new Services.RssSampler();
                JfrRecording jfr = run.jfr("overhead", "resource-service")) {
            for (int round = 1; round <= rounds; round++) {
                without.add(report.check(wrk.run("overhead-noauth-" + round, benchUrl, "request.lua", benchEnv,
                        config.duration())));
                withAuth.add(report.check(wrk.run("overhead-auth-" + round, authUrl, "request.lua", authEnv,
                        config.duration())));
            }
            rss = sampler.max();
        }
        report.rssUnderLoad("1. GET contact (auth and no auth)", rss);
        // The two runs of a round are adjacent in time, so a round's ratio and difference are the robust numbers; the
        // median over rounds keeps one round disturbed by the machine from deciding the result.
        List<Double> ratios = new ArrayList<>();
        List<Double> addedP99 = new ArrayList<>();
        List<Double> addedP50 = new ArrayList<>();
        List<Wrk.Result> alternating = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            ratios.add(100 * withAuth.get(i).rps() / without.get(i).rps());
            addedP99.add(withAuth.get(i).p99Ms() - without.get(i).p99Ms());
            addedP50.add(withAuth.get(i).p50Ms() - without.get(i).p50Ms());
            alternating.add(without.get(i));
            alternating.add(withAuth.get(i));
        }
        report.append("## 1. Authentication overhead\n\n`GET /api/user/v1/contacts/{id}` with a valid Bearer token (the"
                + " decision cached in resource-service after the first request, as in production) vs the `bench`-build"
                + " endpoint `GET /bench/user/v1/contacts/{id}`: the same `ContactService.get` and response, the owner"
                + " from two headers, no `@Protected`. Same contact, JSON, 100,000 contacts in the table; runs"
                + " alternate (no auth, auth) for " + rounds + " rounds.\n\n");
        report.table(alternating);
        report.append("\n| per round (auth vs no auth) | median of ").append(rounds).append(" rounds | rounds | target |\n")
                .append("|---|---|---|---|\n")
                .append("| throughput with auth / without | ").append(f1(Stats.median(ratios))).append(" % | ")
                .append(Stats.joined(ratios, "%.2f%%")).append(" | ≥ 85 % |\n")
                .append("| added p50 | ").append(f2(Stats.median(addedP50))).append(" ms | ").append(Stats.joined(addedP50, "%.2f ms"))
                .append(" | |\n")
                .append("| added p99 | ").append(f2(Stats.median(addedP99))).append(" ms | ").append(Stats.joined(addedP99, "%.2f ms"))
                .append(" | < 1 ms |\n\n");
        report.rssLine(rss);
    }
}
