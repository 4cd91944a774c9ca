package com.onecloud.platform;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where and how the local platform runs, read from the environment with safe local defaults.
 *
 * @param postgresUrl {@code host:port} of an existing PostgreSQL to use instead of the embedded one, or null
 * @param kafkaBootstrapServers an existing Kafka to use instead of the embedded broker, or null
 * @param serviceEnvironment extra environment for every service (e.g. shorter cache lifetimes in tests)
 */
public record PlatformConfig(Path repositoryRoot, Path dataDir, int resourcePort, int ticketPort, int authPort,
        int postgresPort, int kafkaPort, String postgresUrl, String postgresUser, String postgresPassword,
        String kafkaBootstrapServers, Map<String, String> serviceEnvironment) {

    public PlatformConfig {
        serviceEnvironment = Map.copyOf(serviceEnvironment);
    }

    public static PlatformConfig fromEnvironment(Path repositoryRoot) {
        Map<String, String> env = System.getenv();
        return new PlatformConfig(repositoryRoot,
                Path.of(env.getOrDefault("ONECLOUD_DATA_DIR", repositoryRoot.resolve(".onecloud").toString())),
                port(env, "ONECLOUD_RESOURCE_PORT", 8080),
                port(env, "ONECLOUD_TICKET_PORT", 8081),
                port(env, "ONECLOUD_AUTH_PORT", 8082),
                port(env, "ONECLOUD_POSTGRES_PORT", 54329),
                port(env, "ONECLOUD_KAFKA_PORT", 59092),
                env.get("ONECLOUD_POSTGRES_URL"),
                env.getOrDefault("ONECLOUD_POSTGRES_USER", "postgres"),
                env.getOrDefault("ONECLOUD_POSTGRES_PASSWORD", "postgres"),
                env.get("ONECLOUD_KAFKA_BOOTSTRAP_SERVERS"), Map.of());
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new PlatformException(name + " must be a port number, not '" + value + "'.");
        }
    }

    public boolean embeddedPostgres() {
        return postgresUrl == null || postgresUrl.isBlank();
    }

    public boolean embeddedKafka() {
        return kafkaBootstrapServers == null || kafkaBootstrapServers.isBlank();
    }
}
