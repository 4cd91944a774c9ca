package com.onecloud.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.onecloud.platform.Platform;
import com.onecloud.platform.PlatformConfig;

/**
 * The benchmark run ({@code tools/benchmarks/run.sh}): starts the local platform (resource-service from its
 * {@code bench} build, which adds the unauthenticated comparison endpoint), measures start-up, seeds it, runs the
 * other scenarios and writes {@code results.md} (and the raw wrk outputs) into a fresh folder under
 * {@code tools/benchmarks/target/}. Settings: {@link BenchConfig}.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    /**
     * @param args the built source tree (tools/benchmarks/target/source: a committed tree, resource-service in its bench
     *        build), and where the run folder goes
     */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        Path target = Path.of(args[1]).toAbsolutePath().normalize();
        BenchConfig config = BenchConfig.fromEnvironment(System.getenv());
        Path folder = target.resolve("run-" + System.currentTimeMillis());
        Files.createDirectories(folder);
        Wrk wrk = new Wrk(root.resolve("tools/benchmarks/wrk"), folder, config.wrkThreads(), config.wrkConnections());
        Report report = new Report(folder);

        String commit = Files.exists(root.resolve("COMMIT")) ? Files.readString(root.resolve("COMMIT")).trim() : "?";
        int postgresPort = freePort();
        // The console only when its pages are measured: a fourth JVM idling beside the others would be noise.
        PlatformConfig platformConfig = new PlatformConfig(root, folder.resolve("platform"), freePort(), freePort(),
                freePort(), postgresPort, freePort(), null, "postgres", "postgres", null, config.serviceEnvironment(),
                1, config.runs("console") ? freePort() : 0);
        Log.info("starting the platform in " + folder);
        long t0 = System.nanoTime();
        Platform platform = Platform.start(platformConfig);
        double platformSeconds = (System.nanoTime() - t0) / 1e9;
        try {
            report.header(commit, config, platformSeconds);
            BenchRun run = new BenchRun(config, platform, folder, wrk, report);
            // Start-up needs no seed; every scenario after it works on the seeded data.
            Scenario startup = new StartupScenario(run);
            if (config.runs(startup.phase())) {
                startup.measure();
            }
            Seed seed = Seed.plant(run, postgresPort);
            // The list paths run before anything adds contacts or tickets to the seeded organization.
            for (Scenario scenario : List.of(new OverheadScenario(run, seed), new ListScenario(run, seed, postgresPort),
                    new DecisionsScenario(run, seed), new UsageScenario(run, seed), new CrudScenario(run, seed),
                    new RevocationScenario(run, seed), new ConsoleScenario(run, seed, postgresPort),
                    new SoakScenario(run, seed))) {
                if (config.runs(scenario.phase())) {
                    scenario.measure();
                }
            }
            report.footer(config.nmt());
        } finally {
            Path results = report.write();
            Log.info("results: " + results);
            platform.close();
        }
        System.out.println(report);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
