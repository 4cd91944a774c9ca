package com.onecloud.bench;

import java.nio.file.Path;

import com.onecloud.platform.Platform;

/**
 * What every scenario of one benchmark run works with: the settings, the running platform, the run's folder (raw
 * outputs, recordings, token lists), wrk and the report.
 */
record BenchRun(BenchConfig config, Platform platform, Path folder, Wrk wrk, Report report) {

    /** A service's URL with its port on 127.0.0.1, as wrk calls it. */
    String loopback(String serviceUrl, String path) {
        return "http://127.0.0.1:" + Integer.parseInt(serviceUrl.substring(serviceUrl.lastIndexOf(':') + 1)) + path;
    }

    JfrRecording jfr(String measurement, String service) {
        return JfrRecording.start(config.jfr(), folder, measurement, service);
    }
}
