package com.onecloud.auth.support;

import java.util.Map;

import com.onecloud.migrations.Schema;
import com.onecloud.migrations.SchemaMigration;
import com.onecloud.testsupport.EmbeddedPostgresResource;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The database auth-service reads, built as in production: ticket-service's migrations (module schema-migrations,
 * as the init container runs them) run as the superuser on the embedded PostgreSQL, creating the view
 * {@code auth_v1.credential} and the reader role. The application then connects as that reader role, before which
 * the migration has completed. Fixtures are inserted over JDBC as the superuser ({@link Tickets}).
 */
public class TicketDatabaseResource implements QuarkusTestResourceLifecycleManager {

    private static final Map<String, String> MIGRATION = EmbeddedPostgresResource.placeholders(Schema.TICKET);
    public static final String READER = MIGRATION.get("authReaderRole");
    public static final String READER_PASSWORD = MIGRATION.get("authReaderPassword");
    /** Where test code finds the superuser JDBC URL (the application itself has no JDBC datasource). */
    public static final String JDBC_URL_PROPERTY = "onecloud.test.superuser-jdbc-url";

    @Override
    public Map<String, String> start() {
        int port = EmbeddedPostgresResource.server().getPort();
        String jdbcUrl = "jdbc:postgresql://localhost:" + port + "/postgres";
        migrate(jdbcUrl);
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://localhost:" + port + "/postgres",
                "quarkus.datasource.username", READER,
                "quarkus.datasource.password", READER_PASSWORD,
                JDBC_URL_PROPERTY, jdbcUrl);
    }

    @Override
    public void stop() {
        // The server is shared by every test class of this JVM.
    }

    private static synchronized void migrate(String jdbcUrl) {
        SchemaMigration.migrate(Schema.TICKET,
                new SchemaMigration.Target(jdbcUrl, EmbeddedPostgresResource.USER, EmbeddedPostgresResource.PASSWORD),
                MIGRATION);
    }
}
