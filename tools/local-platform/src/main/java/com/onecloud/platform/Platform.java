package com.onecloud.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.onecloud.migrations.Schema;
import com.onecloud.migrations.SchemaMigration;

/**
 * The whole platform on one machine: PostgreSQL, Kafka, and ticket-, auth- and resource-service as JVM processes
 * started from their packaged applications, configured to find each other. Used by {@link PlatformMain} and by the
 * system tests, so that both run exactly the same thing.
 */
public final class Platform implements AutoCloseable {

    public static final String TICKET = "ticket-service";
    public static final String AUTH = "auth-service";
    public static final String RESOURCE = "resource-service";
    /** The administrator web console: one process, after the services, if the configuration has a port for it. */
    public static final String CONSOLE = "admin-console";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final PlatformConfig config;
    private final LocalSecrets secrets;
    private final LocalDatabase database;
    private final LocalBroker broker;
    /** Each service's replicas, replica 1 first. */
    private final Map<String, List<ServiceProcess>> services = new LinkedHashMap<>();

    private Platform(PlatformConfig config) {
        this.config = config;
        this.secrets = LocalSecrets.loadOrCreate(config.dataDir());
        this.database = new LocalDatabase(config);
        this.broker = new LocalBroker(config);
    }

    /** Starts everything and returns once every service reports ready; stops what it started if anything fails. */
    public static Platform start(PlatformConfig config) {
        Platform platform = new Platform(config);
        try {
            platform.startAll();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void startAll() {
        Path logs = config.dataDir().resolve("logs");
        for (String name : List.of(TICKET, AUTH, RESOURCE)) {
            List<ServiceProcess> replicas = new ArrayList<>();
            for (int replica = 1; replica <= config.replicas(); replica++) {
                replicas.add(service(name, replica, logs));
            }
            services.put(name, List.copyOf(replicas));
        }
        if (config.hasConsole()) {
            services.put(CONSOLE, List.of(service(CONSOLE, 1, logs)));
        }
        // A taken port of any replica is reported before anything starts.
        allProcesses().forEach(ServiceProcess::requirePortFree);
        database.start();
        migrateSchemas();
        broker.start();

        trainClassArchives();
        List<ServiceProcess> all = allProcesses();
        all.forEach(ServiceProcess::start);
        all.forEach(service -> service.awaitReady(READY_TIMEOUT));
    }

    /**
     * The environment of one replica. Replica i of ticket- and resource-service calls replica i of auth-service: there
     * is no load balancer locally, and this way every auth-service replica decides for a caller of its own.
     */
    private Map<String, String> environment(String name, int replica) {
        Map<String, String> env = new HashMap<>();
        // Production configuration, but logs for a person reading .onecloud/logs rather than a log pipeline.
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        env.putAll(config.serviceEnvironment());
        env.putAll(config.environmentOf(name));
        if (CONSOLE.equals(name)) {
            return consoleEnvironment(env);
        }
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("ONECLOUD_AUTH_URL", url(AUTH, replica));
        env.put("QUARKUS_HTTP_PORT", Integer.toString(config.port(name, replica)));
        switch (name) {
            case TICKET -> {
                env.putAll(datasource(LocalDatabase.TICKETS, Schema.TICKET.defaultServiceRole(),
                        secrets.ticketServicePassword()));
                env.put("ONECLOUD_BOOTSTRAP_TOKEN", secrets.bootstrapToken());
                env.put("ONECLOUD_BOOTSTRAP_SECRET", secrets.bootstrapSecret());
            }
            case AUTH -> env.putAll(datasource(LocalDatabase.TICKETS, Schema.AUTH_READER_ROLE,
                    secrets.authReaderPassword()));
            case RESOURCE -> env.putAll(datasource(LocalDatabase.RESOURCES, Schema.RESOURCE.defaultServiceRole(),
                    secrets.resourceServicePassword()));
            default -> throw new IllegalArgumentException("no such service: " + name);
        }
        return env;
    }

    /**
     * The console talks to replica 1 of ticket- and resource-service. Its session key is kept with the other local
     * secrets, so a session outlives a restart, and its cookie goes without {@code Secure}, since everything here is
     * plain HTTP on localhost.
     */
    private Map<String, String> consoleEnvironment(Map<String, String> env) {
        env.put("QUARKUS_HTTP_PORT", Integer.toString(config.port(CONSOLE, 1)));
        env.put("ONECLOUD_TICKET_URL", ticketUrl());
        env.put("ONECLOUD_RESOURCE_URL", resourceUrl());
        env.put("ONECLOUD_CONSOLE_SESSION_KEY", secrets.consoleSessionKey());
        env.put("ONECLOUD_CONSOLE_SESSION_SECURE", "false");
        return env;
    }

    /** The first start of a build records each service's class archive ({@link TrainedArchive}), all at once. */
    private void trainClassArchives() {
        // One training start per service: the replicas share the application, and so its archive.
        // Not the console: it starts in seconds, and a fourth JVM training at once slows the three that gain from it.
        List<ServiceProcess> untrained = services.values().stream().map(replicas -> replicas.get(0))
                .filter(service -> !CONSOLE.equals(service.name())).filter(ServiceProcess::needsTraining).toList();
        if (untrained.isEmpty()) {
            return;
        }
        System.out.println("First start of this build: recording the class archives of " + untrained.stream()
                .map(ServiceProcess::name).toList() + " for faster starts (once per build) ...");
        ExecutorService training = Executors.newFixedThreadPool(untrained.size());
        try {
            Map<ServiceProcess, Future<Boolean>> recorded = new LinkedHashMap<>();
            untrained.forEach(service -> recorded.put(service, training.submit(() -> service.train(READY_TIMEOUT))));
            for (Map.Entry<ServiceProcess, Future<Boolean>> entry : recorded.entrySet()) {
                if (!entry.getValue().get()) {
                    System.out.println(entry.getKey().name() + " recorded no class archive and starts without it; see "
                            + entry.getKey().trainingLogFile());
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new PlatformException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while recording the class archives");
        } finally {
            training.shutdownNow();
        }
    }

    /**
     * What the migrate-schema init containers do in Kubernetes, before any service starts: as the server's superuser
     * (the owner of everything here), creating the roles the services then connect with.
     */
    private void migrateSchemas() {
        SchemaMigration.migrate(Schema.TICKET, migrationTarget(LocalDatabase.TICKETS),
                Schema.TICKET.placeholderValues(secrets.ticketServicePassword(), secrets.authReaderPassword()));
        SchemaMigration.migrate(Schema.RESOURCE, migrationTarget(LocalDatabase.RESOURCES),
                Schema.RESOURCE.placeholderValues(secrets.resourceServicePassword(), null));
    }

    private SchemaMigration.Target migrationTarget(String database) {
        return new SchemaMigration.Target(this.database.jdbcUrl(database), config.postgresUser(),
                config.postgresPassword());
    }

    private Map<String, String> datasource(String database, String user, String password) {
        return Map.of("QUARKUS_DATASOURCE_REACTIVE_URL", this.database.reactiveUrl(database),
                "QUARKUS_DATASOURCE_USERNAME", user,
                "QUARKUS_DATASOURCE_PASSWORD", password);
    }

    /**
     * A replica of a service. Its environment is made when it starts, since the broker's address is known only then.
     * The first replica logs to {@code <service>.log}, as a platform of one replica does, the others to
     * {@code <service>-<replica>.log}.
     */
    private ServiceProcess service(String name, int replica, Path logs) {
        Path jar = config.repositoryRoot().resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        return new ServiceProcess(name, replica, jar, config.port(name, replica), () -> environment(name, replica),
                logs.resolve(replica == 1 ? name + ".log" : name + "-" + replica + ".log"));
    }

    private List<ServiceProcess> allProcesses() {
        return services.values().stream().flatMap(List::stream).toList();
    }

    /** How many processes of each service run. */
    public int replicas() {
        return config.replicas();
    }

    /** The base URLs of every replica of {@code service}, the first replica's first. */
    public List<String> urls(String service) {
        List<String> urls = new ArrayList<>();
        for (int replica = 1; replica <= config.replicas(); replica++) {
            urls.add(url(service, replica));
        }
        return urls;
    }

    private String url(String service, int replica) {
        return "http://localhost:" + config.port(service, replica);
    }

    public String ticketUrl() {
        return url(TICKET, 1);
    }

    public String resourceUrl() {
        return url(RESOURCE, 1);
    }

    public String authUrl() {
        return url(AUTH, 1);
    }

    /** The administrator web console's URL, or null if this platform runs none. */
    public String consoleUrl() {
        return config.hasConsole() ? url(CONSOLE, 1) : null;
    }

    public String kafkaBootstrapServers() {
        return broker.bootstrapServers();
    }

    public String bootstrapToken() {
        return secrets.bootstrapToken();
    }

    public String bootstrapSecret() {
        return secrets.bootstrapSecret();
    }

    /** The log of every replica of every service. */
    public List<Path> logFiles() {
        return allProcesses().stream().map(ServiceProcess::logFile).toList();
    }

    /** Kills every replica of a service at once, as a crash would. */
    public void kill(String service) {
        services.get(service).forEach(ServiceProcess::kill);
    }

    /** Stops every replica of a service gracefully (SIGTERM), as a rolling deployment does. */
    public void stop(String service) {
        services.get(service).forEach(ServiceProcess::stop);
    }

    /** Starts every stopped or killed replica of a service again and waits until each is ready. */
    public void restart(String service) {
        List<ServiceProcess> replicas = services.get(service);
        replicas.forEach(ServiceProcess::start);
        replicas.forEach(process -> process.awaitReady(READY_TIMEOUT));
    }

    /** Stops one replica (1-based, as in {@link #urls}) gracefully (SIGTERM), as a rolling deployment does. */
    public void stop(String service, int replica) {
        services.get(service).get(replica - 1).stop();
    }

    /** Starts one stopped replica again and waits until it is ready. */
    public void restart(String service, int replica) {
        ServiceProcess process = services.get(service).get(replica - 1);
        process.start();
        process.awaitReady(READY_TIMEOUT);
    }

    public void stopKafka() {
        broker.stop();
    }

    public void startKafka() {
        broker.start();
    }

    public void restartPostgres() {
        database.restart();
    }

    /**
     * Writes the contract §7 environment file a shell can {@code source}: exactly its variables, on replica 1, and
     * the console's URL when it runs.
     */
    public void writeLocalEnv(Path file) {
        write(file, String.join("\n",
                "ONECLOUD_TICKET_URL=" + ticketUrl(),
                "ONECLOUD_RESOURCE_URL=" + resourceUrl(),
                "ONECLOUD_AUTH_URL=" + authUrl(),
                "ONECLOUD_BOOTSTRAP_TOKEN=" + bootstrapToken(),
                "ONECLOUD_BOOTSTRAP_SECRET=" + bootstrapSecret(),
                "ONECLOUD_KAFKA_BOOTSTRAP_SERVERS=" + kafkaBootstrapServers())
                + (config.hasConsole() ? "\nONECLOUD_CONSOLE_URL=" + consoleUrl() : "") + "\n");
    }

    /** Writes the companion of {@code local.env} that names every replica ({@link #replicasEnv}). */
    public void writeReplicasEnv(Path file) {
        write(file, replicasEnv(replicas(), urls(TICKET), urls(RESOURCE), urls(AUTH)));
    }

    /** Every replica's base URL, comma-separated lists a shell can {@code source}, replica 1 first. */
    static String replicasEnv(int replicas, List<String> ticketUrls, List<String> resourceUrls, List<String> authUrls) {
        return String.join("\n",
                "# Every replica of each service; local.env names replica 1. Replica i of ticket- and"
                        + " resource-service calls replica i of auth-service.",
                "ONECLOUD_REPLICAS=" + replicas,
                "ONECLOUD_TICKET_URLS=" + String.join(",", ticketUrls),
                "ONECLOUD_RESOURCE_URLS=" + String.join(",", resourceUrls),
                "ONECLOUD_AUTH_URLS=" + String.join(",", authUrls)) + "\n";
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        // Every replica at once: one after another, six processes took 16 s to stop on two busy cores.
        List<ServiceProcess> all = allProcesses();
        all.forEach(ServiceProcess::requestStop);
        all.forEach(ServiceProcess::stop);
        broker.close();
        database.close();
    }
}
