package com.onecloud.migrations;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/**
 * {@code java -jar schema-migrations.jar ticket|resource}: what the {@code migrate-schema} init container runs before
 * ticket-service or resource-service starts, as the database owner ({@code ONECLOUD_DB_USERNAME}). It grants the
 * service's own login role ({@code ONECLOUD_DB_SERVICE_ROLE}, default {@link Schema#defaultServiceRole()}; created with
 * {@code ONECLOUD_DB_SERVICE_PASSWORD} where it does not exist yet) the rows but not the schema. The error message never
 * contains a password ({@link SchemaMigration.Failed}).
 */
public final class MigrateMain {

    private final Map<String, String> env;

    private MigrateMain(Map<String, String> env) {
        this.env = env;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Migrates the schema named by {@code args}; returns the exit code (0 once the database is up to date). */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        MigrateMain main = new MigrateMain(env);
        try {
            if (args.length != 1) {
                throw new IllegalArgumentException("usage: java -jar schema-migrations.jar ticket|resource");
            }
            Schema schema = Schema.named(args[0]);
            SchemaMigration.Target target = new SchemaMigration.Target(main.required("ONECLOUD_DB_JDBC_URL"),
                    main.required("ONECLOUD_DB_USERNAME"), main.required("ONECLOUD_DB_PASSWORD"));
            int applied = SchemaMigration.migrate(schema, target, main.placeholders(schema));
            out.println("schema " + args[0] + ": " + applied + " migration(s) applied, database up to date");
            return 0;
        } catch (RuntimeException e) {
            err.println("schema migration failed: " + e.getMessage());
            return 1;
        }
    }

    private Map<String, String> placeholders(Schema schema) {
        return schema.placeholderValues(env("ONECLOUD_DB_SERVICE_ROLE").orElse(schema.defaultServiceRole()),
                required("ONECLOUD_DB_SERVICE_PASSWORD"),
                env("ONECLOUD_AUTH_READER_ROLE").orElse(Schema.AUTH_READER_ROLE),
                schema == Schema.TICKET ? required("ONECLOUD_AUTH_READER_PASSWORD") : null);
    }

    private String required(String name) {
        return env(name).orElseThrow(() -> new IllegalArgumentException(name + " is not set"));
    }

    private Optional<String> env(String name) {
        return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
    }
}
