package com.onecloud.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Brings one database to the latest version of its {@link Schema}. Flyway holds a PostgreSQL advisory lock while it
 * migrates, so pods (or test JVMs) starting at the same time do not race; an up-to-date database is left as it is.
 */
public final class SchemaMigration {

    /**
     * The outbox module's migrations (in its jar), run in every database after the database's own. They are a set of
     * their own, not a location added to the database's run: one history holds one sequence of versions, so the
     * outbox's would have to be numbered around ticket's and resource's at once, and be applied out of order in a
     * database that is further along. Apart, each set counts from V1 on its own. The outbox's history is kept in a schema
     * of its own ({@link #OUTBOX_HISTORY_SCHEMA}): Flyway starts a set's history only in a schema that holds nothing yet
     * (its guard against migrating the wrong database), and the service's role, granted the tables of {@code public}
     * only, has no way into it. Its table goes to {@code public}, where {@code db/service-role}'s default privileges give
     * the service its rows.
     */
    public static final String OUTBOX_LOCATION = "classpath:db/outbox";
    /** Where the outbox's migration history is kept, in Flyway's usual table {@code flyway_schema_history}. */
    public static final String OUTBOX_HISTORY_SCHEMA = "outbox_migrations";

    private SchemaMigration() {
    }

    /** Where to migrate, as the database owner (DDL rights). */
    public record Target(String jdbcUrl, String username, String password) {
    }

    /** A migration failed; the message says why, without the passwords the failed statement may have held. */
    public static final class Failed extends RuntimeException {

        Failed(String message) {
            // No cause: Flyway's and PostgreSQL's messages quote the failed statement with its placeholders filled in.
            super(message, null, false, false);
        }
    }

    /**
     * Migrates {@code target} to the latest version of {@code schema}; returns how many migrations were applied.
     *
     * @throws IllegalArgumentException if a placeholder of the schema has no value (nothing is applied)
     * @throws Failed if the database refused the connection or a migration
     */
    public static int migrate(Schema schema, Target target, Map<String, String> placeholders) {
        List<String> missing = schema.placeholders().stream()
                .filter(name -> placeholders.get(name) == null || placeholders.get(name).isBlank()).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the " + schema.name().toLowerCase() + " schema needs a value for "
                    + String.join(", ", missing));
        }
        try {
            int own = flyway(target).locations(schema.locations()).placeholders(placeholders).load().migrate()
                    .migrationsExecuted;
            // A jar missing from the classpath must not pass for "nothing to do" (Flyway only warns by default).
            return own + flyway(target).schemas(OUTBOX_HISTORY_SCHEMA).locations(OUTBOX_LOCATION)
                    .failOnMissingLocations(true).load().migrate().migrationsExecuted;
        } catch (FlywayException e) {
            throw new Failed(redacted(String.valueOf(e.getMessage()), passwords(target, placeholders)));
        }
    }

    private static FluentConfiguration flyway(Target target) {
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(target.jdbcUrl(), target.username(), target.password());
    }

    private static List<String> passwords(Target target, Map<String, String> placeholders) {
        List<String> passwords = new ArrayList<>();
        passwords.add(target.password());
        placeholders.forEach((name, value) -> {
            if (name.endsWith("Password")) {
                passwords.add(value);
            }
        });
        return passwords;
    }

    /** Flyway's report without its last part (the failed statement), and every password masked in what is left. */
    private static String redacted(String message, List<String> passwords) {
        int statement = message.indexOf("\nStatement");
        String result = statement < 0 ? message : message.substring(0, statement);
        for (String password : passwords) {
            if (password != null && !password.isEmpty()) {
                result = result.replace(password, "***");
            }
        }
        return result;
    }
}
