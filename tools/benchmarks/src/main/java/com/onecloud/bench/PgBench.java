package com.onecloud.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * PostgreSQL alone running the statements a service sends for one request: pgbench with a script of those statements
 * (prepared, and planned once, as the services' connections prepare and plan them), the same connections and threads
 * as wrk, against the platform's database. Its throughput and tail are the floor of that path: what the database
 * allows on this machine with nothing in between. pgbench is the one installed with the PostgreSQL client
 * ({@code postgresql-client}); its per-transaction log gives the percentiles.
 */
final class PgBench {

    /**
     * The session setting the services' connections carry (resource- and ticket-service's application.properties):
     * each prepared statement keeps its generic plan. The floor plans as the path does.
     */
    static final String SERVICE_SESSION_SETTING = "plan_cache_mode=force_generic_plan";

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private final int port;
    private final Path logDir;
    private final int threads;
    private final int connections;

    PgBench(int port, Path logDir, int threads, int connections) {
        this.port = port;
        this.logDir = logDir;
        this.threads = threads;
        this.connections = connections;
    }

    static boolean available() {
        return Files.isExecutable(Path.of(executable()));
    }

    private static String executable() {
        return System.getenv().getOrDefault("BENCH_PGBENCH", "/usr/bin/pgbench");
    }

    /**
     * Runs {@code statements} as one transaction ({@code :name} for each variable) for {@code seconds} and returns
     * it as a wrk-shaped result, so that both go into one table.
     */
    Wrk.Result run(String name, String database, List<String> statements, Map<String, String> variables,
            int seconds) {
        String file = name.replaceAll("[^A-Za-z0-9-]+", "_");
        Path script = logDir.resolve("pgbench-" + file + ".sql");
        Path logs = logDir.resolve("pgbench-" + file + "-log");
        List<String> command = new ArrayList<>(List.of(executable(), "-n", "-M", "prepared", "-c",
                Integer.toString(connections), "-j", Integer.toString(threads), "-T", Integer.toString(seconds),
                "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", "-f", script.toString(), "-l",
                "--log-prefix=" + logs.resolve("tx")));
        variables.forEach((k, v) -> command.addAll(List.of("-D", k + "=" + v)));
        command.add(database);
        try {
            StringBuilder text = new StringBuilder();
            for (String statement : statements) {
                text.append(statement.strip().replaceAll("\\s*\\n\\s*", " ")).append(";\n");
            }
            Files.writeString(script, text);
            Files.createDirectories(logs);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(logs.toFile());
            builder.environment().put("PGPASSWORD", "postgres");
            builder.environment().put("PGOPTIONS", "-c " + SERVICE_SESSION_SETTING);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            int code = process.waitFor();
            Files.writeString(logDir.resolve("pgbench-" + file + ".txt"), String.join(" ", command) + "\n" + output);
            Matcher tps = TPS.matcher(output);
            if (code != 0 || !tps.find()) {
                throw new IllegalStateException("pgbench " + name + " failed (exit " + code + "):\n" + output);
            }
            long[] micros = latencies(logs);
            deleteAll(logs);
            long transactions = micros.length;
            double rate = Double.parseDouble(tps.group(1));
            return new Wrk.Result(name, transactions, transactions / rate, 0, 0, 0, 0, 0, percentile(micros, 50),
                    percentile(micros, 90), percentile(micros, 99), micros.length == 0 ? 0 : micros[micros.length - 1]
                            / 1000.0, Arrays.stream(micros).average().orElse(0) / 1000.0,
                    Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run pgbench: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Every transaction's latency (the third field of pgbench's log lines, in microseconds), sorted. */
    private static long[] latencies(Path logs) throws IOException {
        try (Stream<Path> files = Files.list(logs)) {
            return files.flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).mapToLong(line -> Long.parseLong(line.split(" ")[2])).sorted().toArray();
        }
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1000.0;
    }

    private static void deleteAll(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }
}
