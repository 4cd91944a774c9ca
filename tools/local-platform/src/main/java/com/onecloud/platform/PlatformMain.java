package com.onecloud.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./onecloud-local}: starts the platform, prints how to use it, writes {@code .onecloud/local.env} (contract
 * §7: replica 1) and {@code .onecloud/replicas.env} (every replica), and on Ctrl-C or SIGTERM stops every process it
 * started and removes both files.
 */
public final class PlatformMain {

    private PlatformMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        PlatformConfig config;
        try {
            config = PlatformConfig.fromEnvironment(root);
        } catch (PlatformException e) {
            System.err.println("onecloud-local: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path localEnv = root.resolve(".onecloud/local.env");
        Path replicasEnv = localEnv.resolveSibling("replicas.env");
        System.out.println("Starting the OneCloud platform (data in " + config.dataDir() + ") ...");
        Platform platform;
        try {
            platform = Platform.start(config);
        } catch (PlatformException e) {
            System.err.println("onecloud-local: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the OneCloud platform ...");
            platform.close();
            deleteQuietly(localEnv);
            deleteQuietly(replicasEnv);
            stopped.countDown();
        }, "onecloud-local-stop"));
        platform.writeLocalEnv(localEnv);
        platform.writeReplicasEnv(replicasEnv);
        System.out.println(Walkthrough.text(platform, root.relativize(localEnv), root.relativize(replicasEnv)));
        stopped.await();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Nothing more to do while exiting.
        }
    }
}
