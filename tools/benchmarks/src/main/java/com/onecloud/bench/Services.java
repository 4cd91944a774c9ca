package com.onecloud.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service processes this JVM started (children of the platform), found by their application directory, their
 * memory, and {@code jcmd} on them.
 */
final class Services {

    static final List<String> NAMES = List.of("ticket-service", "auth-service", "resource-service");

    private Services() {
    }

    /** local-platform runs each service from its application directory, so the working directory tells them apart. */
    static Optional<ProcessHandle> process(String service) {
        String appDir = service + "/target/quarkus-app";
        return ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().map(c -> c.contains("quarkus-run.jar")).orElse(false))
                .filter(p -> workingDirectory(p).map(d -> d.endsWith(appDir)).orElse(false))
                .findFirst();
    }

    private static Optional<String> workingDirectory(ProcessHandle process) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc/" + process.pid() + "/cwd")).toString());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** VmRSS from /proc/&lt;pid&gt;/status in MiB, or -1 if the process is not there. */
    static double rssMiB(String service) {
        return process(service).map(p -> rssMiB(p.pid())).orElse(-1.0);
    }

    static double rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Runs {@code jcmd} of this JVM's JDK on a process and returns what it printed. */
    static String jcmd(long pid, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd")
                .toString(), Long.toString(pid)));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Samples the RSS of every service once a second while running; keeps the maximum per service. */
    static final class RssSampler implements AutoCloseable {
        private final Map<String, Double> max = new ConcurrentHashMap<>();
        private final Thread thread;
        private volatile boolean running = true;

        RssSampler() {
            thread = new Thread(() -> {
                while (running) {
                    sample();
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "rss-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private void sample() {
            for (String s : NAMES) {
                double rss = rssMiB(s);
                max.merge(s, rss, Math::max);
            }
        }

        Map<String, Double> max() {
            return Map.copyOf(max);
        }

        @Override
        public void close() {
            sample();
            running = false;
            thread.interrupt();
        }
    }
}
