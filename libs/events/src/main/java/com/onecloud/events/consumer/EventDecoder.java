package com.onecloud.events.consumer;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onecloud.events.CloudEvent;
import com.onecloud.events.EventTypes;

/**
 * Reads a record value as a structured-mode CloudEvent with a typed {@code data}. Producers may add fields (the
 * contract only adds, never renames), so unknown fields are ignored here whatever the application's own setting.
 */
public final class EventDecoder {

    private final ObjectMapper json;

    public EventDecoder(ObjectMapper json) {
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The event, or null when the value is not a CloudEvent with an id, a type and a readable {@code data}. */
    public CloudEvent<?> decode(String value) {
        try {
            JsonNode node = value == null ? null : json.readTree(value);
            if (node == null || !node.isObject()) {
                return null;
            }
            String id = text(node, "id");
            String type = text(node, "type");
            if (id == null || type == null) {
                return null;
            }
            Class<?> payload = EventTypes.payloadOf(type);
            JsonNode data = node.path("data");
            Object typed = payload == null ? data : data.isObject() ? json.treeToValue(data, payload) : null;
            if (typed == null) {
                return null;
            }
            Instant time = node.hasNonNull("time") ? json.treeToValue(node.get("time"), Instant.class) : null;
            return new CloudEvent<>(text(node, "specversion"), id, text(node, "source"), type, text(node, "subject"),
                    time, text(node, "datacontenttype"), typed);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
    }
}
