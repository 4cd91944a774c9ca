package com.onecloud.console.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Search over a list the API only pages (the organizations have no search parameter): the console reads the
 * list in pages of {@link #BATCH} and keeps the rows whose fields contain the text, up to {@link #MAX_SCANNED} rows.
 * The page says so when the list is longer than that.
 */
public final class Search {

    public static final int BATCH = 500;
    public static final int MAX_SCANNED = 10_000;

    private Search() {
    }

    /**
     * @param page fetches the API page at an offset (limit {@link #BATCH})
     * @return the matching rows and whether the scan stopped at {@link #MAX_SCANNED}
     */
    public static Result matching(String text, IntFunction<JsonNode> page, List<String> fields, String... viewFields) {
        String needle = text.trim().toLowerCase(Locale.ROOT);
        List<Map<String, Object>> hits = new ArrayList<>();
        int offset = 0;
        long total;
        do {
            JsonNode batch = page.apply(offset);
            total = batch.path("total").asLong();
            for (JsonNode item : batch.path("items")) {
                if (matches(item, fields, needle)) {
                    hits.add(Views.of(item, viewFields));
                }
            }
            offset += BATCH;
        } while (offset < total && offset < MAX_SCANNED);
        return new Result(hits, offset < total);
    }

    static boolean matches(JsonNode item, List<String> fields, String needle) {
        return fields.stream().anyMatch(field -> item.path(field).asText("").toLowerCase(Locale.ROOT)
                .contains(needle));
    }

    public record Result(List<Map<String, Object>> hits, boolean truncated) {

        public List<Map<String, Object>> page(int offset) {
            return offset >= hits.size() ? List.of() : hits.subList(offset, Math.min(hits.size(),
                    offset + Paging.SIZE));
        }
    }
}
