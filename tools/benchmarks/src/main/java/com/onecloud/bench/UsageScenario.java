package com.onecloud.bench;

import static com.onecloud.bench.Report.f1;
import static com.onecloud.bench.Report.f2;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What usage counting costs (issue 24: the authenticated throughput with counting on within 3 % of it with counting
 * off): the authentication-overhead scenario's authenticated contact read, its decision cached in resource-service,
 * which counts each request it serves. Counting is switched in the warm process through the {@code bench} build's
 * {@code PUT /bench/usage-counting}, not by restarting it: two starts of the same JVM differ in what the JIT makes of
 * them by far more than 3 % on these machines. Rounds of two adjacent runs alternate which setting comes first; the
 * last leaves counting on, as the platform runs.
 */
record UsageScenario(BenchRun run, Seed seed) implements Scenario {

    @Override
    public String phase() {
        return "usage";
    }

    @Override
    public void measure() throws Exception {
        int rounds = run.config().usageRounds();
        Log.info("usage counting on and off (" + rounds + " rounds)");
        String url = run.loopback(run.platform().resourceUrl(), "/api/user/v1/contacts/"
                + seed.contactId(seed.contacts() / 2));
        Map<String, String> env = Map.of("BENCH_HEADERS", "Authorization: Bearer " + seed.userToken().token()
                + "\nAccept: application/json");
        Api.requireStatus(url, Map.of("Authorization", "Bearer " + seed.userToken().token()), 200);
        count(true);
        run.wrk().run("usage-warmup", url, "request.lua", env, 2 * run.config().warmup());
        List<Wrk.Result> on = new ArrayList<>();
        List<Wrk.Result> off = new ArrayList<>();
        List<Wrk.Result> table = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (boolean counting : round % 2 == 1 ? new boolean[] { false, true } : new boolean[] { true, false }) {
                count(counting);
                String name = "usage-" + (counting ? "on" : "off") + "-" + round;
                Wrk.Result r = run.report().check(run.wrk().run(name, url, "request.lua", env,
                        run.config().duration()));
                (counting ? on : off).add(r);
                table.add(r);
            }
        }
        count(true);
        List<Double> ratios = new ArrayList<>();
        List<Double> addedP99 = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            ratios.add(100 * on.get(i).rps() / off.get(i).rps());
            addedP99.add(on.get(i).p99Ms() - off.get(i).p99Ms());
        }
        double ratio = Stats.median(ratios);
        run.report().append("## 7. Usage counting on and off\n\nThe authenticated contact read of section 1 (Bearer,"
                + " decision cached in resource-service, which counts each request it serves from its cache in"
                + " memory and reports the counts in batches through Kafka to ticket-service), after ")
                .append(2 * run.config().warmup()).append(" s of warm-up; counting switched in the running process"
                        + " (`PUT /bench/usage-counting`, benchmark build only) before each run; ").append(rounds)
                .append(" rounds, alternating which setting comes first.\n\n");
        run.report().table(table);
        run.report().append("\n| per round (counting on vs off) | median of ").append(rounds).append(" rounds | rounds"
                + " | target |\n|---|---|---|---|\n| throughput on / off | **").append(f1(ratio)).append(" %** | ")
                .append(Stats.joined(ratios, "%.1f%%")).append(" | ≥ 97 % (within 3 %) |\n| added p99 | ")
                .append(f2(Stats.median(addedP99))).append(" ms | ").append(Stats.joined(addedP99, "%.2f ms"))
                .append(" | |\n\n");
    }

    private void count(boolean on) {
        int status = Api.send(HttpRequest.newBuilder(URI.create(run.loopback(run.platform().resourceUrl(),
                "/bench/usage-counting?on=" + on))).PUT(HttpRequest.BodyPublishers.noBody()).build()).statusCode();
        if (status != 204) {
            throw new IllegalStateException("switching usage counting answered " + status);
        }
    }
}
