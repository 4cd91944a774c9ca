package com.onecloud.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Both schemas migrate on a real PostgreSQL, a second run changes nothing, and a missing value stops the run. */
class SchemaMigrationTest {

    private static final Map<String, String> READER = Map.of("authReaderRole", "reader_test",
            "authReaderPassword", "reader-test-password");

    private static TestPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = TestPostgres.start("CREATE DATABASE tickets", "CREATE DATABASE resources",
                "CREATE DATABASE untouched");
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void theTicketSchemaPublishesTheViewAuthServiceReadsAndItsRole() throws Exception {
        assertThat(SchemaMigration.migrate(Schema.TICKET, target("tickets"), READER)).isPositive();
        assertThat(SchemaMigration.migrate(Schema.TICKET, target("tickets"), READER)).as("up to date").isZero();
        try (Connection reader = connect("tickets", "reader_test", "reader-test-password");
                Statement s = reader.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM auth_v1.credential")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    @Test
    void theResourceSchemaCreatesTheDirectoryTables() throws Exception {
        assertThat(SchemaMigration.migrate(Schema.RESOURCE, target("resources"), Map.of())).isPositive();
        try (Connection c = connect("resources", "postgres", "postgres"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM contact")) {
            assertThat(rs.next()).isTrue();
        }
        assertThat(SchemaMigration.migrate(Schema.RESOURCE, target("resources"), Map.of())).isZero();
    }

    @Test
    void aMissingPlaceholderStopsTheRunBeforeAnythingIsApplied() throws Exception {
        assertThatThrownBy(() -> SchemaMigration.migrate(Schema.TICKET, target("untouched"),
                Map.of("authReaderRole", "reader_test")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("authReaderPassword");
        try (Connection c = connect("untouched", "postgres", "postgres"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    @Test
    void schemasAreNamedAsOnTheCommandLine() {
        assertThat(Schema.named("ticket")).isEqualTo(Schema.TICKET);
        assertThat(Schema.named("RESOURCE")).isEqualTo(Schema.RESOURCE);
        assertThatThrownBy(() -> Schema.named("tickets")).hasMessageContaining("expected ticket or resource");
    }

    private static SchemaMigration.Target target(String database) {
        return new SchemaMigration.Target(postgres.url(database), "postgres", "postgres");
    }

    private static Connection connect(String database, String user, String password) throws SQLException {
        return postgres.connect(database, user, password);
    }
}
