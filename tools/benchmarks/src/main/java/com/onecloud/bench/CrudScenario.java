package com.onecloud.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CRUD on resource-service as the owner of the seeded contacts: random reads and creates, in JSON and in XML. */
record CrudScenario(BenchRun run, Seed seed) implements Scenario {

    @Override
    public String phase() {
        return "crud";
    }

    @Override
    public void measure() throws Exception {
        Log.info("CRUD");
        BenchConfig config = run.config();
        Report report = run.report();
        String base = run.loopback(run.platform().resourceUrl(), "/api/user/v1/contacts");
        String auth = "Authorization: Bearer " + seed.userToken().token();
        String json = "{\"firstName\":\"Bench\",\"lastName\":\"Created\",\"company\":\"OneCloud\","
                + "\"email\":\"created@example.com\",\"phoneNumber\":\"+493012345678\"}";
        String xml = "<contact><firstName>Bench</firstName><lastName>Created</lastName><company>OneCloud</company>"
                + "<email>created@example.com</email><phoneNumber>+493012345678</phoneNumber></contact>";
        Map<String, Map<String, String>> runs = new LinkedHashMap<>();
        runs.put("read JSON", seed.randomContactReads("application/json"));
        runs.put("read XML", seed.randomContactReads("application/xml"));
        runs.put("create JSON", Map.of("BENCH_METHOD", "POST", "BENCH_BODY", json, "BENCH_HEADERS",
                auth + "\nContent-Type: application/json\nAccept: application/json"));
        runs.put("create XML", Map.of("BENCH_METHOD", "POST", "BENCH_BODY", xml, "BENCH_HEADERS",
                auth + "\nContent-Type: application/xml\nAccept: application/xml"));
        List<Wrk.Result> results = new ArrayList<>();
        Map<String, Double> rss;
        try (Services.RssSampler sampler = new Services.RssSampler()) {
            for (Map.Entry<String, Map<String, String>> entry : runs.entrySet()) {
                String script = entry.getKey().startsWith("read") ? "random-contact.lua" : "request.lua";
                String name = "crud-" + entry.getKey().replace(' ', '-');
                run.wrk().run(name + "-warmup", base, script, entry.getValue(), Math.max(1, config.warmup() / 2));
                try (JfrRecording jfr = run.jfr(name, "resource-service")) {
                    results.add(report.check(run.wrk().run(entry.getKey(), base, script, entry.getValue(),
                            config.duration())));
                }
            }
            rss = sampler.max();
        }
        report.rssUnderLoad("3. CRUD", rss);
        report.append("## 3. CRUD with ").append(config.contacts()).append(" contacts in the table\n\nAuthenticated as"
                + " the user who owns them (Bearer, decision cached). *read*: `GET /api/user/v1/contacts/{id}` of a random"
                + " one of the seeded contacts per request; *create*: `POST /api/user/v1/contacts` (201; the table grows"
                + " during the run). The issue sets no throughput target here; errors must be zero.\n\n");
        report.table(results);
        report.append('\n');
        report.rssLine(rss);
    }
}
