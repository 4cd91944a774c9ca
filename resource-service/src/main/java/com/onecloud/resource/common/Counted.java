package com.onecloud.resource.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;

/**
 * A page of items and how many there are in all, read by one statement that returns the total in a column
 * {@code total} of every row and, where the page is empty, one row whose {@code id} is null.
 */
public record Counted<T>(List<T> items, long total) {

    public static <T> Counted<T> of(RowSet<Row> rows, Function<Row, T> mapper) {
        List<T> items = new ArrayList<>(rows.size());
        long total = 0;
        for (Row row : rows) {
            total = row.getLong("total");
            if (row.getString("id") != null) {
                items.add(mapper.apply(row));
            }
        }
        return new Counted<>(List.copyOf(items), total);
    }
}
