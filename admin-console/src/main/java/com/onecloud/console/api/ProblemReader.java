package com.onecloud.console.api;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns an error answer into an {@link ApiProblem}: the problem's {@code detail}, {@code logToken} and
 * {@code validationResult} when the body is a problem, a plain sentence when it is not. Nothing of a body that is not
 * a problem reaches the page.
 */
public final class ProblemReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemReader() {
    }

    public static ApiProblem read(String service, int status, String body, String warningHeader) {
        JsonNode problem = parse(body);
        String detail = text(problem, "detail");
        if (detail == null) {
            detail = text(problem, "title");
        }
        if (detail == null) {
            detail = "the answer carried no explanation";
        }
        String logToken = text(problem, "logToken");
        if (logToken == null) {
            logToken = fromWarning(warningHeader);
        }
        List<String> fields = new ArrayList<>();
        for (JsonNode entry : problem.path("validationResult")) {
            String field = text(entry, "field");
            String message = text(entry, "message");
            if (message != null) {
                fields.add(field == null ? message : field + ": " + message);
            }
        }
        return new ApiProblem(service, status, detail, logToken, List.copyOf(fields));
    }

    /** The log token of a {@code Warning: 703 <service> "Error occurred, see <logToken>"} header. */
    static String fromWarning(String warning) {
        if (warning == null) {
            return null;
        }
        int see = warning.lastIndexOf("see ");
        if (see < 0) {
            return null;
        }
        String token = warning.substring(see + 4).replace("\"", "").trim();
        return token.matches("[A-Za-z0-9_-]{1,64}") ? token : null;
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
            return node != null && node.isObject() ? node : JSON.createObjectNode();
        } catch (java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
