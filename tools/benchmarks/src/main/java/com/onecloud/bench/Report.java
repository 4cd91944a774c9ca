package com.onecloud.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The run's {@code results.md}: each scenario writes its section in prose and with the tables below; the report adds
 * the header, the errors any wrk run saw, the maximum RSS of every phase and the services' memory at the end.
 */
final class Report {

    private final Path folder;
    private final StringBuilder md = new StringBuilder();
    private final Map<String, Map<String, Double>> rssUnderLoad = new LinkedHashMap<>();
    private final List<String> errorsSeen = new ArrayList<>();

    /** @param folder the run folder, where results.md and the memory details go */
    Report(Path folder) {
        this.folder = folder;
    }

    Report append(Object text) {
        md.append(text);
        return this;
    }

    void header(String commit, BenchConfig config, double platformSeconds) {
        md.append("Commit measured: `").append(commit).append("`. Run folder: `").append(folder).append("`; started ")
                .append(ZonedDateTime.now()).append("; load average at start: ").append(loadAverage())
                .append("\n\nwrk -t").append(config.wrkThreads()).append(" -c").append(config.wrkConnections())
                .append(" on 127.0.0.1; warm-up ").append(config.warmup()).append(" s; measured runs ")
                .append(config.duration()).append(" s unless stated. Whole platform (PostgreSQL, Kafka, three services)"
                        + " up in ").append(f1(platformSeconds)).append(" s.\n\n");
        if (!config.serviceEnvironment().isEmpty()) {
            md.append("Extra service environment (experiment): `").append(config.serviceEnvironment()).append("`\n\n");
        }
    }

    /** Notes a run's errors for the errors section; every measured run goes through here. */
    Wrk.Result check(Wrk.Result r) {
        if (r.errors() > 0) {
            errorsSeen.add("- " + r.name() + ": " + r.statusErrors() + " non-2xx, " + r.connectErrors() + " connect, "
                    + r.readErrors() + " read, " + r.writeErrors() + " write, " + r.timeouts() + " timeouts (of "
                    + r.requests() + " requests)");
        }
        return r;
    }

    void table(List<Wrk.Result> results) {
        md.append("| run | requests | req/s | p50 | p90 | p99 | max | errors | load after |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (Wrk.Result r : results) {
            md.append("| ").append(r.name()).append(" | ").append(r.requests()).append(" | ").append(f0(r.rps()))
                    .append(" | ").append(f2(r.p50Ms())).append(" ms | ").append(f2(r.p90Ms())).append(" ms | ")
                    .append(f2(r.p99Ms())).append(" ms | ").append(f1(r.maxMs())).append(" ms | ").append(r.errors())
                    .append(" | ").append(r.loadAfter()).append(" |\n");
        }
    }

    void rssLine(Map<String, Double> rss) {
        rssLine("these runs", rss);
    }

    void rssLine(String what, Map<String, Double> rss) {
        md.append("Max RSS during ").append(what).append(": ");
        List<String> parts = new ArrayList<>();
        for (String s : Services.NAMES) {
            parts.add(s + " " + f0(rss.getOrDefault(s, -1.0)) + " MiB");
        }
        md.append(String.join(", ", parts)).append(".\n\n");
    }

    /** Keeps a phase's maximum RSS per service for the summary table. */
    void rssUnderLoad(String phase, Map<String, Double> rss) {
        rssUnderLoad.put(phase, rss);
    }

    void rssUnderLoadTable() {
        md.append("\n## RSS under load (maximum VmRSS sampled every second, MiB; target < 250 MB)\n\n"
                + "| phase | ticket-service | auth-service | resource-service |\n|---|---|---|---|\n");
        rssUnderLoad.forEach((phase, rss) -> md.append("| ").append(phase).append(" | ")
                .append(f0(rss.getOrDefault("ticket-service", -1.0))).append(" | ")
                .append(f0(rss.getOrDefault("auth-service", -1.0))).append(" | ")
                .append(f0(rss.getOrDefault("resource-service", -1.0))).append(" |\n"));
    }

    /** The errors section, the services' memory and the load at the end. */
    void footer(boolean nmt) throws IOException {
        md.append("\n## Errors\n\n").append(errorsSeen.isEmpty() ? "No non-2xx response and no socket error in any"
                + " wrk run.\n" : String.join("\n", errorsSeen) + "\n");
        memoryDetails(nmt);
        md.append("\nLoad average at the end: ").append(loadAverage()).append("\n");
    }

    /** Heap (and, with BENCH_NMT=1, native memory by category) of every service, written next to the results. */
    private void memoryDetails(boolean nmt) throws IOException {
        md.append("\n## Memory details\n\n");
        for (String s : Services.NAMES) {
            long pid = Services.process(s).orElseThrow().pid();
            StringBuilder text = new StringBuilder();
            text.append(Services.jcmd(pid, "GC.heap_info"));
            if (nmt) {
                text.append(Services.jcmd(pid, "VM.native_memory", "summary"));
            }
            Files.writeString(folder.resolve("memory-" + s + ".txt"), text);
            md.append("- ").append(s).append(": RSS ").append(f0(Services.rssMiB(s))).append(" MiB now; heap: ")
                    .append(heapLine(text.toString())).append(" (`memory-").append(s).append(".txt`)\n");
        }
    }

    private static String heapLine(String heapInfo) {
        Matcher m = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(heapInfo);
        long total = 0;
        long used = 0;
        while (m.find()) {
            total += Long.parseLong(m.group(1));
            used += Long.parseLong(m.group(2));
        }
        Matcher meta = Pattern.compile("Metaspace\\s+used (\\d+)K, committed (\\d+)K").matcher(heapInfo);
        String metaspace = meta.find() ? ", metaspace used " + Long.parseLong(meta.group(1)) / 1024 + " MiB committed "
                + Long.parseLong(meta.group(2)) / 1024 + " MiB" : "";
        return "committed " + total / 1024 + " MiB, used " + used / 1024 + " MiB" + metaspace;
    }

    /** Writes results.md, also when the run failed part way: what was measured until then. */
    Path write() throws IOException {
        Path file = folder.resolve("results.md");
        Files.writeString(file, md.toString());
        return file;
    }

    @Override
    public String toString() {
        return md.toString();
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
