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
import java.util.function.Supplier;

/** One service of the platform, run as a JVM process from its packaged Quarkus application. */
final class ServiceProcess implements AutoCloseable {

    /** The class-data archive Quarkus writes next to the jar (quarkus.package.jar.appcds.enabled), if not trained. */
    private static final String BUILD_ARCHIVE = "app-cds.jsa";
    /** Requests a training start answers, so that the archive holds the classes of serving too, not only starting. */
    private static final List<String> TRAINING_PATHS =
            List.of("/q/health/ready", "/q/metrics", "/q/openapi", "/api/training-without-credentials");
    /** Writing the archive at exit takes 6–9 s on two cores. */
    private static final Duration TRAINING_STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    /** From 1; the first replica is the one the contract's {@code local.env} names. */
    private final int replica;
    private final Path runJar;
    private final int port;
    /** Made at each launch: the database's address is known only once it has started. */
    private final Supplier<Map<String, String>> environment;
    private final Path logFile;
    private final List<String> jvmOptions;
    private final TrainedArchive trainedArchive;
    private Process process;
    /** Whether the running process was sent SIGTERM already. */
    private boolean stopRequested;
    /** Where the running process writes: the service log, or the training log during a training start. */
    private Path currentLog;

    ServiceProcess(String name, int replica, Path runJar, int port, Supplier<Map<String, String>> environment,
            Path logFile) {
        this.name = name;
        this.replica = replica;
        this.runJar = runJar;
        this.port = port;
        this.environment = environment;
        this.logFile = logFile;
        this.jvmOptions = JvmOptions.forService(name);
        this.trainedArchive = new TrainedArchive(runJar);
    }

    String name() {
        return name;
    }

    /** The service's name, and the replica's number from the second replica on. */
    String label() {
        return replica == 1 ? name : name + " replica " + replica;
    }

    String url() {
        return "http://localhost:" + port;
    }

    Path logFile() {
        return logFile;
    }

    Path trainingLogFile() {
        return logFile.resolveSibling(name + "-training.log");
    }

    void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        launch(archiveOption(), logFile);
    }

    /** Whether this build has no current {@link TrainedArchive} yet and this JVM can record one. */
    boolean needsTraining() {
        return !trainedArchive.isCurrent() && JvmOptions.supported("ArchiveClassesAtExit");
    }

    /**
     * Records the {@link TrainedArchive}: a start, the {@link #TRAINING_PATHS}, a graceful stop, in whose exit the JVM
     * writes the archive. Returns whether it was written.
     */
    boolean train(Duration readyTimeout) {
        // Without -Xlog, the JVM names each of the thousands of classes it cannot archive (generated, not linked).
        launch(List.of("-XX:ArchiveClassesAtExit=" + trainedArchive.recording(), "-Xlog:cds*=error"),
                trainingLogFile());
        awaitReady(readyTimeout);
        TRAINING_PATHS.forEach(this::get);
        return stop(TRAINING_STOP_TIMEOUT) && trainedArchive.keepRecording();
    }

    private List<String> archiveOption() {
        if (trainedArchive.isCurrent()) {
            return List.of("-XX:SharedArchiveFile=" + trainedArchive.file().getFileName());
        }
        if (Files.exists(runJar.resolveSibling(BUILD_ARCHIVE))) {
            return List.of("-XX:SharedArchiveFile=" + BUILD_ARCHIVE);
        }
        return List.of();
    }

    private void launch(List<String> archiveOptions, Path output) {
        if (!Files.exists(runJar)) {
            throw new PlatformException(runJar + " does not exist: build the services first (./mvnw -DskipTests package).");
        }
        requirePortFree();
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.addAll(archiveOptions);
        command.addAll(List.of("-jar", runJar.getFileName().toString()));
        // Run from the application directory, with the jar named as at build time: the JVM uses a class-data archive
        // only for the class path it was dumped with.
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(runJar.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        builder.environment().putAll(environment.get());
        try {
            Files.createDirectories(output.getParent());
            process = builder.start();
            stopRequested = false;
            currentLog = output;
        } catch (IOException e) {
            throw new PlatformException("Cannot start " + label() + ": " + e.getMessage(), e);
        }
    }

    /** Fails with the variable that moves the port if it is taken, so that the service does not die on start. */
    void requirePortFree() {
        String variable = PlatformConfig.portVariable(name);
        Ports.requireFree(port, variable, replica == 1 ? name
                : label() + " (" + variable + " + " + PlatformConfig.REPLICA_PORT_STEP * (replica - 1) + ")");
    }

    /** Waits until {@code /q/health/ready} answers 200, the process dies, or the timeout passes. */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new PlatformException(label() + " exited with code " + process.exitValue() + "; see "
                        + currentLog);
            }
            if (isReady()) {
                return;
            }
            sleep(200);
        }
        throw new PlatformException(label() + " was not ready within " + timeout.toSeconds() + " s; see " + currentLog);
    }

    boolean isReady() {
        return get("/q/health/ready") == 200;
    }

    /** The status of a GET of {@code path}, or 0 if there was no answer. */
    private int get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(2)).GET()
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /**
     * Sends the process SIGTERM without waiting, so that several processes stop at the same time; {@link #stop()}
     * then waits for it.
     */
    void requestStop() {
        if (process != null && !stopRequested) {
            process.destroy();
            stopRequested = true;
        }
    }

    /** Stops the process gracefully (SIGTERM: in-flight requests finish), forcibly after 10 s. */
    void stop() {
        stop(Duration.ofSeconds(10));
    }

    /** Returns whether the process ended by itself within {@code timeout}; it is killed otherwise. */
    private boolean stop(Duration timeout) {
        if (process == null) {
            return true;
        }
        boolean ended = false;
        requestStop();
        try {
            ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
        return ended;
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
