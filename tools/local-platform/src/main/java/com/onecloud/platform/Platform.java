package com.onecloud.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final PlatformConfig config;
    private final LocalSecrets secrets;
    private final LocalDatabase database;
    private final LocalBroker broker;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

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
        database.start();
        migrateSchemas();
        broker.start();
        Path logs = config.dataDir().resolve("logs");
        Map<String, String> common = new HashMap<>();
        // Production configuration, but logs for a person reading .onecloud/logs rather than a log pipeline.
        common.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        common.putAll(config.serviceEnvironment());
        common.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        common.put("ONECLOUD_AUTH_URL", authUrl());

        Map<String, String> ticketEnv = new HashMap<>(common);
        ticketEnv.putAll(datasource(LocalDatabase.TICKETS, Schema.TICKET.defaultServiceRole(),
                secrets.ticketServicePassword()));
        ticketEnv.put("QUARKUS_HTTP_PORT", Integer.toString(config.ticketPort()));
        ticketEnv.put("ONECLOUD_BOOTSTRAP_TOKEN", secrets.bootstrapToken());
        ticketEnv.put("ONECLOUD_BOOTSTRAP_SECRET", secrets.bootstrapSecret());

        Map<String, String> authEnv = new HashMap<>(common);
        authEnv.putAll(datasource(LocalDatabase.TICKETS, Schema.AUTH_READER_ROLE, secrets.authReaderPassword()));
        authEnv.put("QUARKUS_HTTP_PORT", Integer.toString(config.authPort()));

        Map<String, String> resourceEnv = new HashMap<>(common);
        resourceEnv.putAll(datasource(LocalDatabase.RESOURCES, Schema.RESOURCE.defaultServiceRole(),
                secrets.resourceServicePassword()));
        resourceEnv.put("QUARKUS_HTTP_PORT", Integer.toString(config.resourcePort()));

        services.put(TICKET, service(TICKET, config.ticketPort(), ticketEnv, logs));
        services.put(AUTH, service(AUTH, config.authPort(), authEnv, logs));
        services.put(RESOURCE, service(RESOURCE, config.resourcePort(), resourceEnv, logs));

        trainClassArchives();
        for (ServiceProcess service : services.values()) {
            service.start();
        }
        for (ServiceProcess service : services.values()) {
            service.awaitReady(READY_TIMEOUT);
        }
    }

    /** The first start of a build records each service's class archive ({@link TrainedArchive}), all at once. */
    private void trainClassArchives() {
        List<ServiceProcess> untrained = services.values().stream().filter(ServiceProcess::needsTraining).toList();
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

    private ServiceProcess service(String name, int port, Map<String, String> env, Path logs) {
        Path jar = config.repositoryRoot().resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        return new ServiceProcess(name, jar, port, env, logs.resolve(name + ".log"));
    }

    public String ticketUrl() {
        return "http://localhost:" + config.ticketPort();
    }

    public String resourceUrl() {
        return "http://localhost:" + config.resourcePort();
    }

    public String authUrl() {
        return "http://localhost:" + config.authPort();
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

    public List<Path> logFiles() {
        return services.values().stream().map(ServiceProcess::logFile).toList();
    }

    /** Kills a service at once, as a crash would. */
    public void kill(String service) {
        services.get(service).kill();
    }

    /** Starts a stopped or killed service again and waits until it is ready. */
    public void restart(String service) {
        ServiceProcess process = services.get(service);
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

    /** Writes the contract §7 environment file a shell can {@code source}. */
    public void writeLocalEnv(Path file) {
        String content = String.join("\n",
                "ONECLOUD_TICKET_URL=" + ticketUrl(),
                "ONECLOUD_RESOURCE_URL=" + resourceUrl(),
                "ONECLOUD_AUTH_URL=" + authUrl(),
                "ONECLOUD_BOOTSTRAP_TOKEN=" + bootstrapToken(),
                "ONECLOUD_BOOTSTRAP_SECRET=" + bootstrapSecret(),
                "ONECLOUD_KAFKA_BOOTSTRAP_SERVERS=" + kafkaBootstrapServers()) + "\n";
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        List<ServiceProcess> reversed = new ArrayList<>(services.values());
        Collections.reverse(reversed);
        reversed.forEach(ServiceProcess::stop);
        broker.close();
        database.close();
    }
}
