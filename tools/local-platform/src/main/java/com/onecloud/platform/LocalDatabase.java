package com.onecloud.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL for the platform: an embedded server whose data lives in the data folder (kept between runs), or an
 * existing server. Each service gets its own database.
 */
final class LocalDatabase implements AutoCloseable {

    static final String TICKETS = "onecloud_tickets";
    static final String RESOURCES = "onecloud_resources";

    private final PlatformConfig config;
    private EmbeddedPostgres embedded;
    private String hostPort;

    LocalDatabase(PlatformConfig config) {
        this.config = config;
    }

    void start() {
        if (config.embeddedPostgres()) {
            Ports.requireFree(config.postgresPort(), "ONECLOUD_POSTGRES_PORT", "PostgreSQL");
            Path dataDir = config.dataDir().resolve("postgres");
            try {
                Files.createDirectories(config.dataDir().resolve("postgres-binaries"));
                embedded = EmbeddedPostgres.builder()
                        .setPort(config.postgresPort())
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(false)
                        .setOverrideWorkingDirectory(config.dataDir().resolve("postgres-binaries").toFile())
                        .start();
            } catch (IOException e) {
                throw new PlatformException("Embedded PostgreSQL did not start: " + e.getMessage(), e);
            }
            hostPort = "localhost:" + config.postgresPort();
        } else {
            hostPort = config.postgresUrl();
        }
        createDatabases();
    }

    /** Stops and starts the embedded server on the same port and data, as a database restart would. */
    void restart() {
        if (embedded == null) {
            throw new IllegalStateException("only the embedded PostgreSQL can be restarted");
        }
        closeEmbedded();
        start();
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + hostPort + "/" + database;
    }

    String reactiveUrl(String database) {
        return "postgresql://" + hostPort + "/" + database;
    }

    private void createDatabases() {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), config.postgresUser(),
                config.postgresPassword()); Statement s = c.createStatement()) {
            for (String database : List.of(TICKETS, RESOURCES)) {
                try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                    if (!rs.next()) {
                        s.execute("CREATE DATABASE " + database);
                    }
                }
            }
        } catch (SQLException e) {
            throw new PlatformException("Cannot prepare the databases on " + hostPort + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closeEmbedded();
    }

    private void closeEmbedded() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                // Stopping anyway.
            }
            embedded = null;
        }
    }
}
