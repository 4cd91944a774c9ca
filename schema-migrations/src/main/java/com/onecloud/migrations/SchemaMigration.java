package com.onecloud.migrations;

import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;

/**
 * Brings one database to the latest version of its {@link Schema}. Flyway holds a PostgreSQL advisory lock while it
 * migrates, so pods (or test JVMs) starting at the same time do not race; an up-to-date database is left as it is.
 */
public final class SchemaMigration {

    private SchemaMigration() {
    }

    /** Where to migrate, as the database owner (DDL rights). */
    public record Target(String jdbcUrl, String username, String password) {
    }

    /** Migrates {@code target} to the latest version of {@code schema}; returns how many migrations were applied. */
    public static int migrate(Schema schema, Target target, Map<String, String> placeholders) {
        List<String> missing = schema.placeholders().stream()
                .filter(name -> placeholders.get(name) == null || placeholders.get(name).isBlank()).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the " + schema.name().toLowerCase() + " schema needs a value for "
                    + String.join(", ", missing));
        }
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(target.jdbcUrl(), target.username(), target.password())
                .locations(schema.location())
                .placeholders(placeholders)
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
