package com.onecloud.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * API representations as the maps templates read. The APIs leave out null fields; each named field is present here
 * (null if absent), so that a template can test it.
 */
public final class Views {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Views() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> of(JsonNode node, String... fields) {
        Map<String, Object> map = new LinkedHashMap<>(JSON.convertValue(node, Map.class));
        for (String field : fields) {
            map.putIfAbsent(field, null);
        }
        return map;
    }

    public static List<Map<String, Object>> items(JsonNode page, String... fields) {
        List<Map<String, Object>> items = new ArrayList<>();
        page.path("items").forEach(item -> items.add(of(item, fields)));
        return items;
    }
}
