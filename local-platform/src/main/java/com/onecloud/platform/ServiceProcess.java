package com.onecloud.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service of the platform, run as a JVM process from its packaged Quarkus application. */
final class ServiceProcess implements AutoCloseable {

    private static final List<String> JVM_OPTIONS = JvmOptions.forServices();
    /** The class-data archive Quarkus writes next to the jar (quarkus.package.jar.appcds.enabled): faster start-up. */
    private static final String CDS_ARCHIVE = "app-cds.jsa";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final Path runJar;
    private final int port;
    private final Map<String, String> environment;
    private final Path logFile;
    private Process process;

    ServiceProcess(String name, Path runJar, int port, Map<String, String> environment, Path logFile) {
        this.name = name;
        this.runJar = runJar;
        this.port = port;
        this.environment = environment;
        this.logFile = logFile;
    }

    String name() {
        return name;
    }

    String url() {
        return "http://localhost:" + port;
    }

    Path logFile() {
        return logFile;
    }

    void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        if (!Files.exists(runJar)) {
            throw new PlatformException(runJar + " does not exist: build the services first (./mvnw -DskipTests package).");
        }
        Ports.requireFree(port, "ONECLOUD_" + name.replace("-service", "").toUpperCase() + "_PORT", name);
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(JVM_OPTIONS);
        if (Files.exists(runJar.resolveSibling(CDS_ARCHIVE))) {
            command.add("-XX:SharedArchiveFile=" + CDS_ARCHIVE);
        }
        command.addAll(List.of("-jar", runJar.getFileName().toString()));
        // Run from the application directory, with the jar named as at build time: the JVM uses an AppCDS archive
        // only for the class path it was dumped with.
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(runJar.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(logFile.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new PlatformException("Cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Waits until {@code /q/health/ready} answers 200, the process dies, or the timeout passes. */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new PlatformException(name + " exited with code " + process.exitValue() + "; see " + logFile);
            }
            if (isReady()) {
                return;
            }
            sleep(200);
        }
        throw new PlatformException(name + " was not ready within " + timeout.toSeconds() + " s; see " + logFile);
    }

    boolean isReady() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the process gracefully (SIGTERM: in-flight requests finish), forcibly after 10 s. */
    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Kills the process at once (SIGKILL), as a crash would. */
    void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted");
        }
    }
}
