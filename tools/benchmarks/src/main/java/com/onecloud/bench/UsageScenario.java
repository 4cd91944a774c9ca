package com.onecloud.bench;

import static com.onecloud.bench.Report.f1;
import static com.onecloud.bench.Report.f2;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.onecloud.platform.Platform;

/**
 * What usage counting costs (issue 24: the authenticated throughput with counting on within 3 % of it with counting
 * off): the authentication-overhead scenario's authenticated contact read, with every service restarted with
 * {@code ONECLOUD_USAGE_ENABLED} true and false in turn, in rounds of two adjacent runs. The rounds alternate which
 * comes first, and the last leaves counting on, as the platform runs.
 */
record UsageScenario(BenchRun run, Seed seed) implements Scenario {

    private static final String SWITCH = "ONECLOUD_USAGE_ENABLED";

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
        List<Wrk.Result> on = new ArrayList<>();
        List<Wrk.Result> off = new ArrayList<>();
        List<Wrk.Result> table = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            // Odd rounds end with counting on, so an odd number of rounds leaves the platform as it runs.
            for (boolean counting : round % 2 == 1 ? new boolean[] { false, true } : new boolean[] { true, false }) {
                restartAll(counting);
                Api.requireStatus(url, Map.of("Authorization", "Bearer " + seed.userToken().token()), 200);
                String name = "usage-" + (counting ? "on" : "off") + "-" + round;
                run.wrk().run(name + "-warmup", url, "request.lua", env, 2 * run.config().warmup());
                Wrk.Result r = run.report().check(run.wrk().run(name, url, "request.lua", env,
                        run.config().duration()));
                (counting ? on : off).add(r);
                table.add(r);
            }
        }
        run.platform().setEnvironment(SWITCH, "true");
        List<Double> ratios = new ArrayList<>();
        List<Double> addedP99 = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            ratios.add(100 * on.get(i).rps() / off.get(i).rps());
            addedP99.add(on.get(i).p99Ms() - off.get(i).p99Ms());
        }
        double ratio = Stats.median(ratios);
        run.report().append("## 7. Usage counting on and off\n\nThe authenticated contact read of section 1 (Bearer,"
                + " decision cached in resource-service), every service restarted with `").append(SWITCH)
                .append("=false` or `true` before each run (then ").append(2 * run.config().warmup())
                .append(" s of warm-up); ").append(rounds).append(" rounds, alternating which setting comes first."
                        + " With counting on, resource-service counts the decisions it serves from its cache and"
                        + " auth-service those it makes, in memory, and both report in batches through Kafka to"
                        + " ticket-service.\n\n");
        run.report().table(table);
        run.report().append("\n| per round (counting on vs off) | median of ").append(rounds).append(" rounds | rounds"
                + " | target |\n|---|---|---|---|\n| throughput on / off | **").append(f1(ratio)).append(" %** | ")
                .append(Stats.joined(ratios, "%.1f%%")).append(" | ≥ 97 % (within 3 %) |\n| added p99 | ")
                .append(f2(Stats.median(addedP99))).append(" ms | ").append(Stats.joined(addedP99, "%.2f ms"))
                .append(" | |\n\n");
    }

    /** Every service stopped and started again with counting switched as asked. */
    private void restartAll(boolean counting) {
        Platform platform = run.platform();
        platform.setEnvironment(SWITCH, Boolean.toString(counting));
        for (String service : Services.NAMES) {
            platform.stop(service);
            platform.restart(service);
        }
    }
}
