package com.onecloud.resource.organization;

import io.vertx.mutiny.sqlclient.Row;

/** A row of {@code organization}, as the API shows it. */
public record Organization(String id, String name, boolean adminApiEnabled, boolean userApiEnabled, long version) {

    /** The columns {@link #of(Row)} reads, in a query's select list. */
    public static final String COLUMNS = "id, name, admin_api_enabled, user_api_enabled, version";

    static Organization of(Row row) {
        return new Organization(row.getString("id"), row.getString("name"), row.getBoolean("admin_api_enabled"),
                row.getBoolean("user_api_enabled"), row.getLong("version"));
    }
}
