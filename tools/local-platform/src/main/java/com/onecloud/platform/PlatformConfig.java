package com.onecloud.platform;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where and how the local platform runs, read from the environment with safe local defaults.
 *
 * @param resourcePort the port of resource-service's first replica; replica i listens on it plus
 *        {@link #REPLICA_PORT_STEP} times (i − 1), and likewise for ticket- and auth-service
 * @param postgresUrl {@code host:port} of an existing PostgreSQL to use instead of the embedded one, or null
 * @param kafkaBootstrapServers an existing Kafka to use instead of the embedded broker, or null
 * @param serviceEnvironment extra environment for every service (e.g. shorter cache lifetimes in tests)
 * @param replicas how many processes of each service run, 1 to {@link #MAX_REPLICAS}
 * @param consolePort the port of the administrator web console (one process: it keeps no state, so one is enough
 *        locally), or 0 for none
 * @param environmentByService extra environment of one service only, by its name, on top of
 *        {@code serviceEnvironment} (e.g. the identity provider's settings, which mean something else to each)
 */
public record PlatformConfig(Path repositoryRoot, Path dataDir, int resourcePort, int ticketPort, int authPort,
        int postgresPort, int kafkaPort, String postgresUrl, String postgresUser, String postgresPassword,
        String kafkaBootstrapServers, Map<String, String> serviceEnvironment, int replicas, int consolePort,
        Map<String, Map<String, String>> environmentByService) {

    /** Replica i of a service listens on the service's port plus this step times (i − 1): 8081, 8181, 8281, ... */
    public static final int REPLICA_PORT_STEP = 100;
    /** A bound against typos: each replica is a JVM of 150–250 MB sharing the same cores. */
    public static final int MAX_REPLICAS = 9;

    public PlatformConfig {
        serviceEnvironment = Map.copyOf(serviceEnvironment);
        environmentByService = Map.copyOf(environmentByService);
        if (replicas < 1 || replicas > MAX_REPLICAS) {
            throw new PlatformException("ONECLOUD_REPLICAS must be from 1 to " + MAX_REPLICAS + ", not " + replicas
                    + ".");
        }
    }

    /** No environment of one service only. */
    public PlatformConfig(Path repositoryRoot, Path dataDir, int resourcePort, int ticketPort, int authPort,
            int postgresPort, int kafkaPort, String postgresUrl, String postgresUser, String postgresPassword,
            String kafkaBootstrapServers, Map<String, String> serviceEnvironment, int replicas, int consolePort) {
        this(repositoryRoot, dataDir, resourcePort, ticketPort, authPort, postgresPort, kafkaPort, postgresUrl,
                postgresUser, postgresPassword, kafkaBootstrapServers, serviceEnvironment, replicas, consolePort,
                Map.of());
    }

    /** No console. */
    public PlatformConfig(Path repositoryRoot, Path dataDir, int resourcePort, int ticketPort, int authPort,
            int postgresPort, int kafkaPort, String postgresUrl, String postgresUser, String postgresPassword,
            String kafkaBootstrapServers, Map<String, String> serviceEnvironment, int replicas) {
        this(repositoryRoot, dataDir, resourcePort, ticketPort, authPort, postgresPort, kafkaPort, postgresUrl,
                postgresUser, postgresPassword, kafkaBootstrapServers, serviceEnvironment, replicas, 0);
    }

    /** One replica of each service, no console. */
    public PlatformConfig(Path repositoryRoot, Path dataDir, int resourcePort, int ticketPort, int authPort,
            int postgresPort, int kafkaPort, String postgresUrl, String postgresUser, String postgresPassword,
            String kafkaBootstrapServers, Map<String, String> serviceEnvironment) {
        this(repositoryRoot, dataDir, resourcePort, ticketPort, authPort, postgresPort, kafkaPort, postgresUrl,
                postgresUser, postgresPassword, kafkaBootstrapServers, serviceEnvironment, 1);
    }

    public static PlatformConfig fromEnvironment(Path repositoryRoot) {
        return fromEnvironment(repositoryRoot, System.getenv());
    }

    static PlatformConfig fromEnvironment(Path repositoryRoot, Map<String, String> env) {
        return new PlatformConfig(repositoryRoot,
                Path.of(env.getOrDefault("ONECLOUD_DATA_DIR", repositoryRoot.resolve(".onecloud").toString())),
                port(env, portVariable(Platform.RESOURCE), 8080),
                port(env, portVariable(Platform.TICKET), 8081),
                port(env, portVariable(Platform.AUTH), 8082),
                port(env, "ONECLOUD_POSTGRES_PORT", 54329),
                port(env, "ONECLOUD_KAFKA_PORT", 59092),
                env.get("ONECLOUD_POSTGRES_URL"),
                env.getOrDefault("ONECLOUD_POSTGRES_USER", "postgres"),
                env.getOrDefault("ONECLOUD_POSTGRES_PASSWORD", "postgres"),
                env.get("ONECLOUD_KAFKA_BOOTSTRAP_SERVERS"), Map.of(),
                replicas(env), port(env, portVariable(Platform.CONSOLE), 8083));
    }

    /** The port of replica {@code replica} (from 1) of {@code service}. */
    public int port(String service, int replica) {
        int first = switch (service) {
            case Platform.RESOURCE -> resourcePort;
            case Platform.TICKET -> ticketPort;
            case Platform.AUTH -> authPort;
            case Platform.CONSOLE -> consolePort;
            default -> throw new IllegalArgumentException("no such service: " + service);
        };
        int port = first + REPLICA_PORT_STEP * (replica - 1);
        if (port > 65535) {
            throw new PlatformException("Replica " + replica + " of " + service + " would listen on port " + port
                    + ", beyond 65535: set " + portVariable(service) + " lower or ONECLOUD_REPLICAS smaller.");
        }
        return port;
    }

    /** The variable that moves the ports of {@code service}'s replicas. */
    static String portVariable(String service) {
        if (Platform.CONSOLE.equals(service)) {
            return "ONECLOUD_CONSOLE_PORT";
        }
        return "ONECLOUD_" + service.replace("-service", "").toUpperCase() + "_PORT";
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

    private static int replicas(Map<String, String> env) {
        String value = env.get("ONECLOUD_REPLICAS");
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new PlatformException("ONECLOUD_REPLICAS must be from 1 to " + MAX_REPLICAS + ", not '" + value
                    + "'.");
        }
    }

    /** The extra environment of {@code service} alone (none if not configured). */
    public Map<String, String> environmentOf(String service) {
        return environmentByService.getOrDefault(service, Map.of());
    }

    public boolean hasConsole() {
        return consolePort > 0;
    }

    public boolean embeddedPostgres() {
        return postgresUrl == null || postgresUrl.isBlank();
    }

    public boolean embeddedKafka() {
        return kafkaBootstrapServers == null || kafkaBootstrapServers.isBlank();
    }
}
