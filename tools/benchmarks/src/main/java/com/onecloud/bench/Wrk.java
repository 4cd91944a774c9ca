package com.onecloud.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs wrk (-t2 -c32 by default, loopback) with one of the scripts in tools/benchmarks/wrk and parses its result line. */
final class Wrk {

    record Result(String name, long requests, double seconds, long connectErrors, long readErrors, long writeErrors,
            long statusErrors, long timeouts, double p50Ms, double p90Ms, double p99Ms, double maxMs, double meanMs,
            String loadAfter) {

        double rps() {
            return requests / seconds;
        }

        long errors() {
            return connectErrors + readErrors + writeErrors + statusErrors + timeouts;
        }
    }

    private static final Pattern RESULT = Pattern.compile("BENCH_RESULT requests=(\\d+) duration_us=(\\d+) "
            + "connect=(\\d+) read=(\\d+) write=(\\d+) status=(\\d+) timeout=(\\d+) p50_us=(\\d+) p90_us=(\\d+) "
            + "p99_us=(\\d+) max_us=(\\d+) mean_us=([0-9.]+)");

    private final Path scripts;
    private final Path logDir;
    private final int threads;
    private final int connections;

    Wrk(Path scripts, Path logDir, int threads, int connections) {
        this.scripts = scripts;
        this.logDir = logDir;
        this.threads = threads;
        this.connections = connections;
    }

    /** The same wrk, one request at a time (-t1 -c1): latency without queueing. */
    Wrk sequential() {
        return new Wrk(scripts, logDir, 1, 1);
    }

    int threads() {
        return threads;
    }

    Result run(String name, String url, String script, Map<String, String> env, int seconds) {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections,
                "-d" + seconds + "s", "--timeout", "5s", "--latency", "-s", scripts.resolve(script).toString(), url));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = new HashMap<>(env);
        environment.put("BENCH_WRK_DIR", scripts.toString());
        environment.put("BENCH_THREADS", Integer.toString(threads));
        builder.environment().putAll(environment);
        Process process = null;
        try {
            process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            int code = process.waitFor();
            Files.writeString(logDir.resolve("wrk-" + name.replaceAll("[^A-Za-z0-9-]+", "_") + ".txt"),
                    String.join(" ", command) + "\n" + output);
            Matcher m = RESULT.matcher(output);
            if (code != 0 || !m.find()) {
                throw new IllegalStateException("wrk " + name + " failed (exit " + code + "):\n" + output);
            }
            return new Result(name, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)) / 1e6,
                    Long.parseLong(m.group(3)), Long.parseLong(m.group(4)), Long.parseLong(m.group(5)),
                    Long.parseLong(m.group(6)), Long.parseLong(m.group(7)), Long.parseLong(m.group(8)) / 1000.0,
                    Long.parseLong(m.group(9)) / 1000.0, Long.parseLong(m.group(10)) / 1000.0,
                    Long.parseLong(m.group(11)) / 1000.0, Double.parseDouble(m.group(12)) / 1000.0,
                    Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run wrk: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }
}
