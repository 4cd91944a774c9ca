package com.onecloud.resource.user;

import io.vertx.mutiny.sqlclient.Row;

/** A row of {@code directory_user}, as the API shows it. */
public record DirectoryUser(String id, String organizationId, String firstName, String lastName, String email,
        String phoneNumber, boolean userApiEnabled, long version) {

    /** The columns {@link #of(Row)} reads, in a query's select list. */
    public static final String COLUMNS = "id, organization_id, first_name, last_name, email, phone_number, "
            + "user_api_enabled, version";

    static DirectoryUser of(Row row) {
        return new DirectoryUser(row.getString("id"), row.getString("organization_id"), row.getString("first_name"),
                row.getString("last_name"), row.getString("email"), row.getString("phone_number"),
                row.getBoolean("user_api_enabled"), row.getLong("version"));
    }
}
