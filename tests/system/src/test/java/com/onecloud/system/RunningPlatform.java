package com.onecloud.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.onecloud.platform.Platform;
import com.onecloud.platform.PlatformConfig;
import com.onecloud.testsupport.oidc.TestOidcProvider;

/**
 * The platform under test: started once per test JVM from the packaged services, {@link #REPLICAS} processes of each
 * as in production, on free ports, with an embedded PostgreSQL and Kafka in a fresh data folder under {@code target/};
 * stopped when the JVM exits; the administrator console runs in front of replica 1. A test OpenID Connect provider
 * runs in this JVM, trusted by auth-service and used by the console's sign-in. Tests address replica 1 unless they
 * are about replicas ({@link ReplicasIT}).
 */
final class RunningPlatform {

    /** The services' decision caches' lifetime: the production default, which the platform runs with. */
    static final Duration CACHE_TTL = Duration.ofSeconds(30);
    /** The embedded PostgreSQL's superuser (name and password), which the migrations run as. */
    static final String SUPERUSER = "postgres";
    /**
     * Two of each service, for every system test: a second platform just for {@link ReplicasIT} would cost a whole
     * start-up more, while the second replicas add less to the one start (README, "Run the tests").
     */
    static final int REPLICAS = 2;

    /** The console's client at the identity provider; its secret has 32 characters or more, as Quarkus OIDC wants. */
    static final String CONSOLE_CLIENT_ID = "onecloud-console";
    private static final String CONSOLE_CLIENT_SECRET = "console-client-secret-for-the-system-tests";
    /** The audience the provider gives access tokens for the platform, which auth-service requires. */
    static final String PLATFORM_AUDIENCE = "onecloud-api";
    static final String PROVIDER_NAME = "Test IdP";

    private static Platform platform;
    private static TestOidcProvider identityProvider;
    private static int postgresPort;

    private RunningPlatform() {
    }

    static synchronized Platform get() {
        if (platform == null) {
            Path root = repositoryRoot();
            Path data = root.resolve("tests/system/target/platform-" + System.currentTimeMillis());
            Set<Integer> reserved = new HashSet<>();
            int resourcePort = servicePort(reserved);
            int ticketPort = servicePort(reserved);
            int authPort = servicePort(reserved);
            postgresPort = otherPort(reserved);
            int kafkaPort = otherPort(reserved);
            int consolePort = otherPort(reserved);
            identityProvider = TestOidcProvider.start(new TestOidcProvider.Client(CONSOLE_CLIENT_ID,
                    CONSOLE_CLIENT_SECRET, "http://localhost:" + consolePort + "/sign-in/oidc"), PLATFORM_AUDIENCE);
            long starting = System.nanoTime();
            platform = Platform.start(new PlatformConfig(root, data, resourcePort, ticketPort, authPort,
                    postgresPort, kafkaPort, null, SUPERUSER, SUPERUSER, null, Map.of(), REPLICAS, consolePort,
                    identityProviderEnvironment(identityProvider.issuer())));
            System.out.printf("Platform with %d replicas of each service ready in %.1f s%n", REPLICAS,
                    (System.nanoTime() - starting) / 1e9);
            Platform started = platform;
            TestOidcProvider provider = identityProvider;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                provider.close();
            }, "platform-stop"));
        }
        return platform;
    }

    /** The identity provider the platform trusts (auth-service) and signs users in with (the console). */
    static TestOidcProvider identityProvider() {
        get();
        return identityProvider;
    }

    /**
     * OpenID Connect on, as an operator would configure it: auth-service accepts the provider's access tokens
     * (issuer, audience, keys from its key set), the console signs users in through it. Every system test runs with
     * it, so each also shows that it changes nothing for tickets.
     */
    private static Map<String, Map<String, String>> identityProviderEnvironment(String issuer) {
        return Map.of(
                Platform.AUTH, Map.of(
                        "ONECLOUD_AUTH_OIDC_ENABLED", "true",
                        "ONECLOUD_AUTH_OIDC_ISSUER", issuer,
                        "ONECLOUD_AUTH_OIDC_AUDIENCE", PLATFORM_AUDIENCE,
                        "QUARKUS_OIDC_DECISION_AUTH_SERVER_URL", issuer,
                        "QUARKUS_OIDC_DECISION_JWKS_PATH", TestOidcProvider.JWKS_PATH),
                Platform.CONSOLE, Map.of(
                        "ONECLOUD_CONSOLE_OIDC_ENABLED", "true",
                        "ONECLOUD_CONSOLE_OIDC_AUTH_SERVER_URL", issuer,
                        "ONECLOUD_CONSOLE_OIDC_CLIENT_ID", CONSOLE_CLIENT_ID,
                        "ONECLOUD_CONSOLE_OIDC_CLIENT_SECRET", CONSOLE_CLIENT_SECRET,
                        "ONECLOUD_CONSOLE_OIDC_PROVIDER_NAME", PROVIDER_NAME));
    }

    /** A database of the platform's PostgreSQL, for tests that inspect it as {@link #SUPERUSER}. */
    static String jdbcUrl(String database) {
        get();
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + database;
    }

    static Path repositoryRoot() {
        return Path.of(System.getProperty("onecloud.repository.root", "../..")).toAbsolutePath().normalize();
    }

    /**
     * A port from which every replica's port (PlatformConfig.REPLICA_PORT_STEP apart) is free, none of them among
     * those already {@code reserved} for another part of the platform; reserves them.
     */
    private static int servicePort(Set<Integer> reserved) {
        while (true) {
            int first = freePort();
            List<Integer> ports = new ArrayList<>();
            for (int replica = 1; replica <= REPLICAS; replica++) {
                ports.add(first + PlatformConfig.REPLICA_PORT_STEP * (replica - 1));
            }
            if (ports.stream().noneMatch(reserved::contains) && ports.stream().allMatch(RunningPlatform::isFree)) {
                reserved.addAll(ports);
                return first;
            }
        }
    }

    /** A free port not among the {@code reserved}; reserves it. */
    private static int otherPort(Set<Integer> reserved) {
        int port = freePort();
        while (!reserved.add(port)) {
            port = freePort();
        }
        return port;
    }

    private static boolean isFree(int port) {
        if (port > 65535) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
