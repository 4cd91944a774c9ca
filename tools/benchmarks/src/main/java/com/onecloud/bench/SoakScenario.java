package com.onecloud.bench;

import static com.onecloud.bench.Report.f0;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The soak: authenticated random reads for minutes, with every service's RSS every 30 s, to show whether memory stays
 * flat; it ends with the summary of every phase's maximum RSS.
 */
record SoakScenario(BenchRun run, Seed seed) implements Scenario {

    @Override
    public String phase() {
        return "soak";
    }

    @Override
    public void measure() throws Exception {
        int soak = run.config().soak();
        Report report = run.report();
        if (soak <= 0) {
            report.append("## Soak\n\nSkipped (BENCH_SOAK=0).\n");
            return;
        }
        Log.info("soak " + soak + " s");
        String base = run.loopback(run.platform().resourceUrl(), "/api/user/v1/contacts");
        List<String> samples = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                samples.add(rssRow(start));
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "soak-sampler");
        sampler.setDaemon(true);
        sampler.start();
        Wrk.Result r;
        try (Services.RssSampler rss = new Services.RssSampler()) {
            r = report.check(run.wrk().run("soak", base, "random-contact.lua", seed.randomContactReads("application/json"),
                    soak));
            report.rssUnderLoad("soak", rss.max());
        } finally {
            sampler.interrupt();
        }
        samples.add(rssRow(start));
        report.append("## Soak: ").append(soak).append(" s of authenticated random reads (JSON)\n\n");
        report.table(List.of(r));
        report.append("\nRSS (MiB) every 30 s during the run:\n\n| s | ticket-service | auth-service | resource-service |\n"
                + "|---|---|---|---|\n");
        for (String row : samples) {
            report.append("| ").append(row).append(" |\n");
        }
        report.rssUnderLoadTable();
    }

    /** Seconds since the start, then each service's RSS in MiB. */
    private static String rssRow(long start) {
        List<String> row = new ArrayList<>();
        row.add(Long.toString(Math.round((System.nanoTime() - start) / 1e9)));
        for (String s : Services.NAMES) {
            row.add(f0(Services.rssMiB(s)));
        }
        return String.join(" | ", row);
    }
}
