package com.onecloud.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The service processes this JVM started (children of the platform), found by their jar, and their memory. */
final class Services {

    static final List<String> NAMES = List.of("ticket-service", "auth-service", "resource-service");

    private Services() {
    }

    static Optional<ProcessHandle> process(String service) {
        String jar = service + "/target/quarkus-app/quarkus-run.jar";
        return ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().map(c -> c.contains(jar)).orElse(false))
                .findFirst();
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
