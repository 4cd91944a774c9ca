package com.onecloud.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import com.onecloud.platform.Platform;
import com.onecloud.platform.PlatformConfig;

/**
 * The platform under test: started once per test JVM from the packaged services, on free ports, with an embedded
 * PostgreSQL and Kafka in a fresh data folder under {@code target/}; stopped when the JVM exits.
 */
final class RunningPlatform {

    private static Platform platform;

    private RunningPlatform() {
    }

    static synchronized Platform get() {
        if (platform == null) {
            Path root = Path.of(System.getProperty("onecloud.repository.root", "..")).toAbsolutePath().normalize();
            Path data = root.resolve("system-tests/target/platform-" + System.currentTimeMillis());
            platform = Platform.start(new PlatformConfig(root, data, freePort(), freePort(), freePort(), freePort(),
                    freePort(), null, "postgres", "postgres", null));
            Platform started = platform;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "platform-stop"));
        }
        return platform;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
