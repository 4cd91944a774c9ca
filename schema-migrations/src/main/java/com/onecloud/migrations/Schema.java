package com.onecloud.migrations;

import java.util.List;
import java.util.Locale;

/** The databases whose schema this module owns, each with its Flyway location and the placeholders it needs. */
public enum Schema {

    /** ticket-service's database, including the view {@code auth_v1.credential} and the role auth-service reads with. */
    TICKET("classpath:db/ticket", List.of("authReaderRole", "authReaderPassword")),
    /** resource-service's database: organizations, users, contacts and its outbox. */
    RESOURCE("classpath:db/resource", List.of());

    private final String location;
    private final List<String> placeholders;

    Schema(String location, List<String> placeholders) {
        this.location = location;
        this.placeholders = placeholders;
    }

    String location() {
        return location;
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
