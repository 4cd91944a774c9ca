package com.onecloud.bench;

import java.nio.file.Path;

/**
 * A JFR recording of one service for the duration of one measurement, written next to the results as
 * {@code jfr-<measurement>-<service>.jfr}; nothing at all unless BENCH_JFR=1, because recording costs throughput.
 */
final class JfrRecording implements AutoCloseable {

    private static final JfrRecording NONE = new JfrRecording(-1);

    private final long pid;

    private JfrRecording(long pid) {
        this.pid = pid;
    }

    static JfrRecording start(boolean enabled, Path folder, String measurement, String service) {
        if (!enabled) {
            return NONE;
        }
        long pid = Services.process(service).orElseThrow().pid();
        Path file = folder.resolve("jfr-" + measurement + "-" + service + ".jfr");
        Services.jcmd(pid, "JFR.start", "name=bench", "settings=profile", "filename=" + file);
        return new JfrRecording(pid);
    }

    @Override
    public void close() {
        if (pid >= 0) {
            Services.jcmd(pid, "JFR.stop", "name=bench");
        }
    }
}
