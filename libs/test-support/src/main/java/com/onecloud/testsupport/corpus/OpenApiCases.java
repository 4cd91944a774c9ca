package com.onecloud.testsupport.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.onecloud.testsupport.Json;

/**
 * Bad-input cases derived from a service's OpenAPI document, so that a new endpoint, parameter or field is covered
 * the day it is documented, without a case written by hand:
 * <ul>
 * <li>every path: each of GET, POST, PUT and DELETE it does not document is a 405 whose {@code Allow} lists exactly
 * what it documents (with HEAD beside GET, and OPTIONS); {@code OPTIONS} answers that same {@code Allow}; PATCH is
 * 501; {@code %00} in each path parameter is a 400 naming the path;</li>
 * <li>every query parameter: {@code %00} is a 400 naming it;</li>
 * <li>every JSON request body: in each string property a NUL, an ESC, a number and a boolean; in each integer a string
 * and a fraction; in each boolean a string and a number; in each list a string, and a NUL or a number as its item:
 * each a 400 naming the property; a body that is a list, a string, a number or cut short is a 400 naming
 * {@code body}; an unknown property and a repeated one are 400s naming them; a media type the operation does not take
 * is a 400 naming {@code Content-Type};</li>
 * <li>every XML request body: a NUL character reference, and under XML 1.1 an ESC, in each string element, a wrong root
 * element, an unknown element and an attribute: each a 400 naming the element, {@code body} or the attribute.</li>
 * </ul>
 * Each request carries the credential the {@link Fixture} gives for its operation, so that it reaches the part of
 * the service that reads the input.
 */
public final class OpenApiCases {

    /** What the derivation cannot read from the document: where the test's data are, and who may call what. */
    public interface Fixture {

        /** The value for a path parameter of {@code template}: a resource the operation's caller may reach. */
        String pathValue(String template, String parameter);

        /** The {@code Authorization} header the operation accepts, or null when it takes none. */
        String authorization(String method, String template);
    }

    private static final List<String> REFUSABLE = List.of("GET", "POST", "PUT", "DELETE");
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}/]+)}");

    private final JsonNode document;
    private final Fixture fixture;
    private final List<Case> cases = new ArrayList<>();

    private OpenApiCases(JsonNode document, Fixture fixture) {
        this.document = document;
        this.fixture = fixture;
    }

    /** The running service's document, as {@code /q/openapi?format=json} serves it. */
    public static JsonNode fetch(RawHttp http) {
        RawHttp.Response response = http.send("GET /q/openapi?format=json HTTP/1.1\r\nAccept: application/json\r\n",
                null);
        if (response.status() != 200) {
            throw new IllegalStateException("no OpenAPI document: " + response.status());
        }
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Case> derive(JsonNode document, Fixture fixture) {
        OpenApiCases derivation = new OpenApiCases(document, fixture);
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            derivation.path(path.getKey(), path.getValue());
        }
        return List.copyOf(derivation.cases);
    }

    private void path(String template, JsonNode item) {
        Set<String> documented = new TreeSet<>();
        item.fieldNames().forEachRemaining(name -> {
            if (!name.equals("parameters") && !name.startsWith("x-")) {
                documented.add(name.toUpperCase(Locale.ROOT));
            }
        });
        String concrete = fill(template, null);
        String allow = allowOf(documented);
        for (String method : REFUSABLE) {
            if (!documented.contains(method)) {
                add(Case.of("a method the path does not document").request(method, concrete).expect(405)
                        .allow(allow));
            }
        }
        add(Case.of("OPTIONS answers the Allow of a 405").options(concrete).expect(200).allow(allow));
        add(Case.of("PATCH is not implemented").request("PATCH", concrete).expect(501));
        String anyMethod = documented.iterator().next();
        Matcher parameters = PARAMETER.matcher(template);
        while (parameters.find()) {
            add(Case.of("NUL in path parameter " + parameters.group(1))
                    .request(anyMethod, fill(template, parameters.group(1)))
                    .auth(fixture.authorization(anyMethod, template)).expect(400).field("path"));
        }
        item.fields().forEachRemaining(operation -> {
            if (documented.contains(operation.getKey().toUpperCase(Locale.ROOT))) {
                operation(operation.getKey().toUpperCase(Locale.ROOT), template, concrete, operation.getValue());
            }
        });
    }

    private void operation(String method, String template, String concrete, JsonNode operation) {
        String auth = fixture.authorization(method, template);
        for (JsonNode parameter : operation.path("parameters")) {
            if ("query".equals(parameter.path("in").asText())) {
                String name = parameter.path("name").asText();
                add(Case.of("NUL in query parameter " + name).request(method, concrete + "?" + name + "=a%00b")
                        .auth(auth).expect(400).field(name));
            }
        }
        JsonNode content = operation.path("requestBody").path("content");
        if (content.isMissingNode()) {
            return;
        }
        JsonNode json = resolve(content.path("application/json").path("schema"));
        if (!json.isMissingNode()) {
            jsonBody(method, concrete, auth, json);
        }
        JsonNode xml = resolve(content.path("application/xml").path("schema"));
        if (!xml.isMissingNode()) {
            xmlBody(method, concrete, auth, xml);
        } else {
            add(Case.of("an XML body where the operation takes JSON only").request(method, concrete).auth(auth)
                    .xml("<x/>").expect(400).field("Content-Type"));
        }
        add(Case.of("a body in a media type no operation takes").request(method, concrete).auth(auth)
                .body("text/plain", "x=1".getBytes(StandardCharsets.UTF_8)).expect(400).field("Content-Type"));
    }

    private void jsonBody(String method, String concrete, String auth, JsonNode schema) {
        String firstString = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> property = it.next();
            String name = property.getKey();
            JsonNode type = resolve(property.getValue());
            switch (type.path("type").asText()) {
                case "string" -> {
                    firstString = firstString == null ? name : firstString;
                    json(method, concrete, auth, "NUL in string " + name, name, "\"a\\u0000b\"", name);
                    json(method, concrete, auth, "ESC in string " + name, name, "\"a\\u001bb\"", name);
                    json(method, concrete, auth, "a number for string " + name, name, "42", name);
                    json(method, concrete, auth, "a boolean for string " + name, name, "true", name);
                }
                case "integer" -> {
                    json(method, concrete, auth, "a string for integer " + name, name, "\"1\"", name);
                    json(method, concrete, auth, "a fraction for integer " + name, name, "1.5", name);
                }
                case "boolean" -> {
                    json(method, concrete, auth, "a string for boolean " + name, name, "\"true\"", name);
                    json(method, concrete, auth, "a number for boolean " + name, name, "1", name);
                }
                case "array" -> {
                    json(method, concrete, auth, "a string for list " + name, name, "\"x\"", name);
                    if ("string".equals(resolve(type.path("items")).path("type").asText())) {
                        json(method, concrete, auth, "NUL in an item of " + name, name, "[\"a\\u0000\"]",
                                name + "[0]");
                        json(method, concrete, auth, "a number as an item of " + name, name, "[7]", name + "[0]");
                    }
                }
                default -> {
                }
            }
        }
        for (String[] whole : new String[][] { { "a list for the body", "[]" }, { "a string for the body", "\"x\"" },
                { "a number for the body", "42" }, { "a body cut short", "{\"" } }) {
            add(Case.of(whole[0]).request(method, concrete).auth(auth).json(whole[1]).expect(400).field("body"));
        }
        add(Case.of("an unknown field").request(method, concrete).auth(auth).json("{\"noSuchField\":1}").expect(400)
                .field("noSuchField"));
        if (firstString != null) {
            add(Case.of("a field given twice").request(method, concrete).auth(auth)
                    .json("{\"" + firstString + "\":\"a\",\"" + firstString + "\":\"b\"}").expect(400)
                    .field(firstString));
        }
    }

    private void json(String method, String concrete, String auth, String name, String property, String value,
            String field) {
        add(Case.of(name).request(method, concrete).auth(auth).json("{\"" + property + "\":" + value + "}")
                .expect(400).field(field));
    }

    private void xmlBody(String method, String concrete, String auth, JsonNode schema) {
        String root = schema.path("xml").path("name").asText(null);
        if (root == null) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> property = it.next();
            JsonNode type = resolve(property.getValue());
            String element = property.getValue().path("xml").path("name").asText(property.getKey());
            if ("string".equals(type.path("type").asText())) {
                xml(method, concrete, auth, "NUL reference in element " + element,
                        "<" + root + "><" + element + ">a&#0;b</" + element + "></" + root + ">", element);
                xml(method, concrete, auth, "ESC reference in element " + element + " under XML 1.1",
                        "<?xml version=\"1.1\"?><" + root + "><" + element + ">a&#x1b;b</" + element + "></" + root
                                + ">", element);
            } else if ("array".equals(type.path("type").asText())
                    && "string".equals(resolve(type.path("items")).path("type").asText())) {
                String item = type.path("items").path("xml").path("name").asText(element);
                String inner = "<" + item + ">a&#0;b</" + item + ">";
                if (type.path("xml").path("wrapped").asBoolean()) {
                    inner = "<" + element + ">" + inner + "</" + element + ">";
                }
                xml(method, concrete, auth, "NUL reference in an item of " + element,
                        "<" + root + ">" + inner + "</" + root + ">", item);
            }
        }
        xml(method, concrete, auth, "a root element other than <" + root + ">", "<notA" + root + "/>", "body");
        xml(method, concrete, auth, "an unknown element", "<" + root + "><noSuchField>x</noSuchField></" + root + ">",
                "noSuchField");
        xml(method, concrete, auth, "an attribute", "<" + root + " noSuchAttribute=\"x\"/>", "noSuchAttribute");
    }

    private void xml(String method, String concrete, String auth, String name, String body, String field) {
        add(Case.of(name).request(method, concrete).auth(auth).acceptXml().xml(body).expect(400).field(field));
    }

    private void add(Case c) {
        cases.add(c.derived());
    }

    /** The template with each parameter's fixture value, and {@code %00} in place of {@code nul}'s. */
    private String fill(String template, String nul) {
        Matcher m = PARAMETER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            m.appendReplacement(filled, Matcher.quoteReplacement(
                    name.equals(nul) ? "a%00b" : fixture.pathValue(template, name)));
        }
        m.appendTail(filled);
        return filled.toString();
    }

    /** What a 405 on a path with these documented methods must allow, in the services' order. */
    static String allowOf(Set<String> documented) {
        Set<String> allow = new TreeSet<>(documented);
        if (allow.contains("GET")) {
            allow.add("HEAD");
        }
        allow.add("OPTIONS");
        return String.join(", ", allow);
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; depth < 10 && current.has("$ref"); depth++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return MissingNode.getInstance();
            }
            current = document.at(ref.substring(1));
        }
        return current;
    }
}
