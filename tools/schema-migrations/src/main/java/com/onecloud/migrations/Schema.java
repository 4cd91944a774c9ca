package com.onecloud.migrations;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The databases whose schema this module owns, each with its Flyway locations and the placeholders it needs. Both
 * include {@code db/service-role}: the service's own login role, with rights on the rows but not on the schema. Both
 * also get the outbox's table, from the outbox module's own migrations ({@link SchemaMigration#OUTBOX_LOCATION}).
 */
public enum Schema {

    /** ticket-service's database, including the view {@code auth_v1.credential} and the role auth-service reads with. */
    TICKET("classpath:db/ticket", "authReaderRole", "authReaderPassword"),
    /** resource-service's database: organizations, users, contacts and its outbox. */
    RESOURCE("classpath:db/resource");

    /** The login role auth-service reads the ticket schema's view with, unless told otherwise. */
    public static final String AUTH_READER_ROLE = "onecloud_auth_reader";
    private static final String SERVICE_ROLE_LOCATION = "classpath:db/service-role";

    private final String location;
    private final List<String> placeholders;

    Schema(String location, String... placeholders) {
        this.location = location;
        this.placeholders = Stream.concat(Stream.of("serviceRole", "servicePassword"), Stream.of(placeholders))
                .toList();
    }

    String[] locations() {
        return new String[] { location, SERVICE_ROLE_LOCATION };
    }

    /** The login role the service connects with unless told otherwise: {@code onecloud_<schema>_service}. */
    public String defaultServiceRole() {
        return "onecloud_" + name().toLowerCase(Locale.ROOT) + "_service";
    }

    /**
     * The placeholder values of this schema's migrations: the service's login role and its password, and for the ticket
     * schema auth-service's reader role and its password (ignored for the resource schema). A password is used only
     * where the migration creates its role.
     */
    public Map<String, String> placeholderValues(String serviceRole, String servicePassword, String authReaderRole,
            String authReaderPassword) {
        Map<String, String> values = new HashMap<>();
        values.put("serviceRole", serviceRole);
        values.put("servicePassword", servicePassword);
        if (this == TICKET) {
            values.put("authReaderRole", authReaderRole);
            values.put("authReaderPassword", authReaderPassword);
        }
        return values;
    }

    /** {@link #placeholderValues(String, String, String, String)} with the default role names. */
    public Map<String, String> placeholderValues(String servicePassword, String authReaderPassword) {
        return placeholderValues(defaultServiceRole(), servicePassword, AUTH_READER_ROLE, authReaderPassword);
    }

    /** Placeholder names every migration of this schema may use; each must be given a value. */
    public List<String> placeholders() {
        return placeholders;
    }

    /** {@code ticket} or {@code resource}, as on the command line. */
    public static Schema named(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown schema '" + name + "': expected ticket or resource", e);
        }
    }
}
