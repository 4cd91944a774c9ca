package com.onecloud.bench;

import static com.onecloud.bench.Report.f0;
import static com.onecloud.bench.Report.f2;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.onecloud.platform.Platform;

/**
 * Start-up time and RSS: each service is killed and started again with the rest of the platform running, and timed from
 * process start to its first ready answer; then every service's RSS at rest.
 */
record StartupScenario(BenchRun run) implements Scenario {

    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");
    /** The longest a start waits for a quiet machine before it is measured anyway. */
    private static final Duration QUIET_WAIT = Duration.ofSeconds(60);
    private static final Duration READY_WITHIN = Duration.ofSeconds(90);

    @Override
    public String phase() {
        return "startup";
    }

    @Override
    public void measure() throws Exception {
        startup();
        idleRss();
    }

    private void startup() throws Exception {
        Log.info("start-up times");
        Platform platform = run.platform();
        int quietPercent = run.config().quietPercent();
        run.report().append("## 5. Start-up time and RSS\n\nEach service killed (SIGKILL) and started again ")
                .append(run.config().startupRuns())
                .append(" times with the rest of the platform running (JVM mode, as local-platform starts it: `java ")
                .append(Services.process("ticket-service").flatMap(p -> p.info().arguments())
                        .map(args -> String.join(" ", args)).orElse("?"))
                .append("` from the service's `target/quarkus-app`). *Ready* = from process start to the first"
                        + " 200 of `/q/health/ready` (polled every 10 ms); *Quarkus* = the \"started in\" of its log."
                        + " resource-service is its `bench` build (one extra endpoint). Each start waits until the"
                        + " machine is quiet (CPUs at most " + quietPercent + " % busy over 2 s, at most "
                        + QUIET_WAIT.toSeconds() + " s): the other services keep compiling for a while after they"
                        + " started, and a start measured then measures them too.\n\n")
                .append("| service | ready, each run (s) | Quarkus \"started in\" (s) | CPUs busy before each start"
                        + " | target |\n|---|---|---|---|---|\n");
        List<Path> logs = platform.logFiles();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            for (String name : Services.NAMES) {
                Path logFile = logs.stream().filter(p -> p.getFileName().toString().startsWith(name)).findFirst()
                        .orElseThrow();
                String url = switch (name) {
                    case "ticket-service" -> platform.ticketUrl();
                    case "auth-service" -> platform.authUrl();
                    default -> platform.resourceUrl();
                };
                List<String> ready = new ArrayList<>();
                List<String> quarkus = new ArrayList<>();
                List<String> busy = new ArrayList<>();
                for (int i = 0; i < run.config().startupRuns(); i++) {
                    QuietMachine.Quiet quiet = QuietMachine.await(quietPercent, QUIET_WAIT);
                    busy.add(Math.round(quiet.busyPercent()) + " % (after " + Math.round(quiet.waitedSeconds())
                            + " s)");
                    platform.kill(name);
                    long logSize = Files.size(logFile);
                    long start = System.nanoTime();
                    Future<?> restart = executor.submit(() -> platform.restart(name));
                    while (!isReady(url)) {
                        if (System.nanoTime() - start > READY_WITHIN.toNanos()) {
                            throw new IllegalStateException(name + " not ready in 90 s");
                        }
                        Thread.sleep(10);
                    }
                    ready.add(f2((System.nanoTime() - start) / 1e9));
                    restart.get();
                    String tail = Files.readString(logFile).substring((int) logSize);
                    Matcher m = STARTED.matcher(tail);
                    quarkus.add(m.find() ? m.group(1) : "?");
                }
                run.report().append("| ").append(name).append(" | ").append(String.join(", ", ready)).append(" | ")
                        .append(String.join(", ", quarkus)).append(" | ").append(String.join(", ", busy))
                        .append(" | < 3 s |\n");
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private static boolean isReady(String url) {
        try {
            return Api.HTTP.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Ten seconds after the last restart, so that no service is still compiling its start. */
    private void idleRss() throws InterruptedException {
        Thread.sleep(10_000);
        run.report().append("\nRSS (VmRSS of /proc/<pid>/status), idle 10 s after the last restart: ");
        List<String> parts = new ArrayList<>();
        for (String s : Services.NAMES) {
            parts.add(s + " " + f0(Services.rssMiB(s)) + " MiB");
        }
        run.report().append(String.join(", ", parts))
                .append(". Under load: see each measurement and the summary at the end.\n\n");
    }
}
