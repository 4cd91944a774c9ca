package com.onecloud.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.onecloud.platform.Platform;
import com.onecloud.platform.PlatformConfig;

/**
 * The platform under test: started once per test JVM from the packaged services, on free ports, with an embedded
 * PostgreSQL and Kafka in a fresh data folder under {@code target/}; stopped when the JVM exits.
 */
final class RunningPlatform {

    /** The longest a revoked credential may keep working while Kafka is down, on this test platform. */
    static final Duration CACHE_TTL = Duration.ofSeconds(5);
    /** The embedded PostgreSQL's superuser (name and password), which the migrations run as. */
    static final String SUPERUSER = "postgres";

    private static Platform platform;
    private static int postgresPort;

    private RunningPlatform() {
    }

    static synchronized Platform get() {
        if (platform == null) {
            Path root = repositoryRoot();
            Path data = root.resolve("tests/system/target/platform-" + System.currentTimeMillis());
            postgresPort = freePort();
            platform = Platform.start(new PlatformConfig(root, data, freePort(), freePort(), freePort(), postgresPort,
                    freePort(), null, SUPERUSER, SUPERUSER, null, Map.of(
                            // Short cache lifetimes, so that the Kafka-outage bound can be observed in a test.
                            "ONECLOUD_AUTH_CACHE_TTL", CACHE_TTL.toSeconds() + "s",
                            "ONECLOUD_AUTH_CLIENT_CACHE_MAX_AGE", CACHE_TTL.toSeconds() + "s")));
            Platform started = platform;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "platform-stop"));
        }
        return platform;
    }

    /** A database of the platform's PostgreSQL, for tests that inspect it as {@link #SUPERUSER}. */
    static String jdbcUrl(String database) {
        get();
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + database;
    }

    static Path repositoryRoot() {
        return Path.of(System.getProperty("onecloud.repository.root", "../..")).toAbsolutePath().normalize();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
