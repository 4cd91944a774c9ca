package com.onecloud.migrations;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code java -jar schema-migrations.jar ticket|resource}: what the {@code migrate-schema} init container runs before
 * ticket-service or resource-service starts. Configuration comes from the same environment variables the services'
 * deployments already have; the error message never contains a credential.
 */
public final class MigrateMain {

    private MigrateMain() {
    }

    public static void main(String[] args) {
        try {
            if (args.length != 1) {
                throw new IllegalArgumentException("usage: java -jar schema-migrations.jar ticket|resource");
            }
            Schema schema = Schema.named(args[0]);
            int applied = SchemaMigration.migrate(schema, new SchemaMigration.Target(required("ONECLOUD_DB_JDBC_URL"),
                    required("ONECLOUD_DB_USERNAME"), required("ONECLOUD_DB_PASSWORD")), placeholders(schema));
            System.out.println("schema " + args[0] + ": " + applied + " migration(s) applied, database up to date");
        } catch (RuntimeException e) {
            System.err.println("schema migration failed: " + redacted(String.valueOf(e.getMessage())));
            System.exit(1);
        }
    }

    /**
     * Flyway's message for a failed migration ends with the statement, its placeholders filled in: that part is left
     * out, and any password that still appears is masked.
     */
    private static String redacted(String message) {
        int statement = message.indexOf("\nStatement");
        String result = statement < 0 ? message : message.substring(0, statement);
        for (String secret : new String[] {"ONECLOUD_DB_PASSWORD", "ONECLOUD_AUTH_READER_PASSWORD"}) {
            Optional<String> value = env(secret).filter(v -> v.length() >= 4);
            if (value.isPresent()) {
                result = result.replace(value.get(), "***");
            }
        }
        return result;
    }

    private static Map<String, String> placeholders(Schema schema) {
        Map<String, String> values = new HashMap<>();
        if (schema == Schema.TICKET) {
            values.put("authReaderRole", env("ONECLOUD_AUTH_READER_ROLE").orElse("onecloud_auth_reader"));
            values.put("authReaderPassword", required("ONECLOUD_AUTH_READER_PASSWORD"));
        }
        return values;
    }

    private static String required(String name) {
        return env(name).orElseThrow(() -> new IllegalArgumentException(name + " is not set"));
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }
}
