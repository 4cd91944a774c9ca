package com.onecloud.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Search over a list the API only pages: every batch is read, matches are paged, and a long list is cut and said so. */
class SearchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyBatchIsReadAndTheMatchesArePagedByTheConsole() {
        List<Integer> offsets = new ArrayList<>();
        Search.Result result = Search.matching("ACME", offset -> {
            offsets.add(offset);
            return page(offset, 1200);
        }, List.of("name"), "id", "name");
        assertThat(offsets).containsExactly(0, Search.BATCH, 2 * Search.BATCH);
        // Every tenth organization is an "Acme", whatever the case.
        assertThat(result.hits()).hasSize(120);
        assertThat(result.truncated()).isFalse();
        assertThat(result.page(0)).hasSize(Paging.SIZE);
        assertThat(result.page(0).get(0).get("name")).isEqualTo("acme 0");
        assertThat(result.page(110)).hasSize(10);
        assertThat(result.page(500)).isEmpty();
    }

    @Test
    void aListLongerThanTheScanLimitIsCutAndSaysSo() {
        Search.Result result = Search.matching("nothing", offset -> page(offset, Search.MAX_SCANNED + 1),
                List.of("name"));
        assertThat(result.hits()).isEmpty();
        assertThat(result.truncated()).isTrue();
    }

    /** A page of the API's shape: items at {@code offset} of {@code total}, every tenth named "acme". */
    private static JsonNode page(int offset, int total) {
        ObjectNode page = JSON.createObjectNode().put("total", total).put("offset", offset);
        ArrayNode items = page.putArray("items");
        for (int i = offset; i < Math.min(total, offset + Search.BATCH); i++) {
            items.addObject().put("id", "o" + i).put("name", (i % 10 == 0 ? "acme " : "other ") + i);
        }
        return page;
    }
}
