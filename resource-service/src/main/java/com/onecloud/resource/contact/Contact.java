package com.onecloud.resource.contact;

import io.vertx.mutiny.sqlclient.Row;

/** A row of {@code contact}, as the API shows it. */
public record Contact(String id, String firstName, String lastName, String company, String email,
        String phoneNumber, long version) {

    /** The columns {@link #of(Row)} reads, in a query's select list. */
    public static final String COLUMNS = "id, first_name, last_name, company, email, phone_number, version";

    static Contact of(Row row) {
        return new Contact(row.getString("id"), row.getString("first_name"), row.getString("last_name"),
                row.getString("company"), row.getString("email"), row.getString("phone_number"),
                row.getLong("version"));
    }
}
