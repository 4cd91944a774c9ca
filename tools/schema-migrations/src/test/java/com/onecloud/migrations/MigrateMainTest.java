package com.onecloud.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The command the init container runs: its exit code, and what it prints when a migration fails. */
class MigrateMainTest {

    private static final String OWNER_PASSWORD = "owner-password-1234";
    private static final String READER_PASSWORD = "reader-password-5678";
    private static final String SERVICE_PASSWORD = "service-password-9012";

    private static TestPostgres postgres;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws Exception {
        // A database owner without CREATEROLE, as a managed database would give: the ticket migration's step that
        // creates auth-service's role fails, and that statement carries the reader's password.
        postgres = TestPostgres.start("CREATE ROLE owner LOGIN PASSWORD '" + OWNER_PASSWORD + "'",
                "CREATE DATABASE owned OWNER owner", "CREATE DATABASE resources");
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void migratesAndSaysSo() throws Exception {
        Map<String, String> env = Map.of("ONECLOUD_DB_JDBC_URL", url("resources"), "ONECLOUD_DB_USERNAME", "postgres",
                "ONECLOUD_DB_PASSWORD", "postgres", "ONECLOUD_DB_SERVICE_PASSWORD", SERVICE_PASSWORD);
        assertThat(run(env, "resource")).isZero();
        assertThat(out()).contains("schema resource:").contains("database up to date");
        assertThat(run(env, "resource")).as("again: nothing to do").isZero();
        try (Connection service = postgres.connect("resources", "onecloud_resource_service", SERVICE_PASSWORD);
                Statement s = service.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM contact")) {
            assertThat(rs.next()).as("the default service role was made and may read").isTrue();
        }
    }

    @Test
    void aFailedMigrationExitsNonZeroWithoutPrintingAPassword() {
        Map<String, String> env = new HashMap<>(Map.of("ONECLOUD_DB_JDBC_URL", url("owned"),
                "ONECLOUD_DB_USERNAME", "owner", "ONECLOUD_DB_PASSWORD", OWNER_PASSWORD,
                "ONECLOUD_AUTH_READER_PASSWORD", READER_PASSWORD, "ONECLOUD_DB_SERVICE_PASSWORD", SERVICE_PASSWORD));
        assertThat(run(env, "ticket")).isEqualTo(1);
        assertThat(err()).contains("schema migration failed").contains("permission denied to create role")
                .doesNotContain(READER_PASSWORD).doesNotContain(OWNER_PASSWORD).doesNotContain(SERVICE_PASSWORD);
    }

    @Test
    void missingSettingsAndUnknownSchemasAreNamed() {
        assertThat(run(Map.of(), "ticket")).isEqualTo(1);
        assertThat(err()).contains("ONECLOUD_DB_JDBC_URL is not set");
        assertThat(run(Map.of("ONECLOUD_DB_JDBC_URL", url("resources"), "ONECLOUD_DB_USERNAME", "postgres",
                "ONECLOUD_DB_PASSWORD", "postgres"), "resource")).isEqualTo(1);
        assertThat(err()).contains("ONECLOUD_DB_SERVICE_PASSWORD is not set");
        assertThat(run(Map.of(), "tickets")).isEqualTo(1);
        assertThat(err()).contains("expected ticket or resource");
        assertThat(run(Map.of())).isEqualTo(1);
        assertThat(err()).contains("usage:");
    }

    private int run(Map<String, String> env, String... args) {
        return MigrateMain.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static String url(String database) {
        return postgres.url(database);
    }
}
