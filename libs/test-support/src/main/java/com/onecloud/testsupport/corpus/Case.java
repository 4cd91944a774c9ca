package com.onecloud.testsupport.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.fasterxml.jackson.databind.JsonNode;
import com.onecloud.testsupport.Json;

/**
 * One row of a bad-input corpus: a request, sent byte for byte as written, and exactly what must come back. Besides
 * the case's own expectations every case proves the rules that hold for any answer: never a 5xx (but the contract's
 * 501 for PATCH), never a stack
 * trace or a Java name in the body, and an error is an RFC 9457 problem in the negotiated format ({@code type},
 * {@code title}, {@code status}, {@code detail}, {@code logToken}) with the service's {@code Warning: 703} naming that
 * log token, a {@code validationResult} exactly on a 400 and an {@code Allow} on a 405.
 */
public final class Case {

    /** Where a case comes from: written by hand, or derived from the service's OpenAPI document. */
    public enum Origin {
        WRITTEN, OPENAPI
    }

    private static final List<String> LEAKS = List.of("at com.", "at java.", "at io.", "Exception", "\tat ",
            "org.postgresql", "SQLSTATE");

    private final String name;
    private String method = "GET";
    private String target = "/";
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private byte[] body;
    private boolean chunked;
    private boolean xmlProblem;
    private int status;
    private String field;
    private String allow;
    private boolean refusedByCodec;
    private Duration within;
    private final List<Consumer<RawHttp.Response>> checks = new ArrayList<>();
    private Origin origin = Origin.WRITTEN;

    private Case(String name) {
        this.name = name;
    }

    /** A case named for what it tries, e.g. "NUL in a contact's firstName". */
    public static Case of(String name) {
        return new Case(name);
    }

    public Case request(String method, String target) {
        this.method = method;
        this.target = target;
        return this;
    }

    public Case get(String target) {
        return request("GET", target);
    }

    public Case post(String target) {
        return request("POST", target);
    }

    public Case put(String target) {
        return request("PUT", target);
    }

    public Case delete(String target) {
        return request("DELETE", target);
    }

    public Case options(String target) {
        return request("OPTIONS", target);
    }

    public Case header(String name, String value) {
        headers.add(Map.entry(name, value));
        return this;
    }

    /** The {@code Authorization} header to send, or none when null. */
    public Case auth(String authorization) {
        return authorization == null ? this : header("Authorization", authorization);
    }

    public Case json(String json) {
        return body("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public Case xml(String xml) {
        return body("application/xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    /** A body with this {@code Content-Type} (none when null), its length declared unless {@link #chunked()}. */
    public Case body(String contentType, byte[] bytes) {
        if (contentType != null) {
            header("Content-Type", contentType);
        }
        this.body = bytes;
        return this;
    }

    /** Sends the body in chunks, so that no length is declared up front. */
    public Case chunked() {
        this.chunked = true;
        return this;
    }

    /** Asks for XML ({@code Accept: application/xml}), so an error must be {@code application/problem+xml}. */
    public Case acceptXml() {
        header("Accept", "application/xml");
        return problemInXml();
    }

    /** An error must be {@code application/problem+xml} (the request negotiates XML in its own way). */
    public Case problemInXml() {
        this.xmlProblem = true;
        return this;
    }

    public Case expect(int status) {
        this.status = status;
        return this;
    }

    /** A 400 whose {@code validationResult} names this field (among any others). */
    public Case field(String field) {
        this.field = field;
        return this;
    }

    /** The exact {@code Allow} header of the answer. */
    public Case allow(String allow) {
        this.allow = allow;
        return this;
    }

    /**
     * Refused by the HTTP codec before the service sees the request (a control character in the request line or a
     * header, a broken percent-encoding): 400 with an empty body, since no service code runs.
     */
    public Case refusedByCodec() {
        this.refusedByCodec = true;
        return expect(400);
    }

    /** The answer must arrive within this time (entity bombs, deep nesting). */
    public Case within(Duration limit) {
        this.within = limit;
        return this;
    }

    /** A further check of the answer. */
    public Case check(Consumer<RawHttp.Response> check) {
        checks.add(check);
        return this;
    }

    /** A further check of the answer's JSON body. */
    public Case checkJson(Consumer<JsonNode> check) {
        return check(response -> {
            try {
                check.accept(Json.MAPPER.readTree(response.body()));
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON: " + response.bodyText(), e);
            }
        });
    }

    Case derived() {
        this.origin = Origin.OPENAPI;
        return this;
    }

    public Origin origin() {
        return origin;
    }

    public String displayName() {
        String shown = target.length() > 90 ? target.substring(0, 90) + "..." : target;
        return "[" + status + (field == null ? "" : " " + field) + "] " + method + " " + shown + " - " + name;
    }

    /** Sends the request and checks the answer. */
    public void run(RawHttp http, String service) {
        if (status == 0) {
            fail("case '" + name + "' expects no status");
        }
        long started = System.nanoTime();
        RawHttp.Response response = http.send(head(), wireBody());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        verify(response, service);
        if (within != null) {
            assertTrue(took.compareTo(within) <= 0, name + ": answered after " + took + ", more than " + within);
        }
    }

    private String head() {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        for (Map.Entry<String, String> h : headers) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        if (body != null) {
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
        }
        return head.toString();
    }

    private byte[] wireBody() {
        if (body == null || !chunked) {
            return body;
        }
        var out = new java.io.ByteArrayOutputStream();
        int chunk = 64 * 1024;
        for (int at = 0; at < body.length; at += chunk) {
            int n = Math.min(chunk, body.length - at);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, at, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    void verify(RawHttp.Response response, String service) {
        String text = response.bodyText();
        String context = name + " (" + method + " " + target + ") answered " + response.status() + " "
                + response.headers() + " " + abbreviate(text);
        // The one 5xx a bad request may get is the contract's 501 for PATCH, and only where a case expects it.
        assertTrue(response.status() < 500 || response.status() == 501 && status == 501, "a 5xx: " + context);
        for (String leak : LEAKS) {
            assertFalse(text.contains(leak), "internals (" + leak + ") in the body: " + context);
        }
        assertEquals(status, response.status(), "status: " + context);
        if (refusedByCodec) {
            assertEquals(0, response.body().length, "the codec's refusal has no body: " + context);
        } else if (response.status() >= 400) {
            verifyProblem(response, service, context);
        }
        if (allow != null) {
            assertEquals(allow, response.header("Allow").orElse(null), "Allow: " + context);
        }
        checks.forEach(check -> check.accept(response));
    }

    private void verifyProblem(RawHttp.Response response, String service, String context) {
        String expectedType = xmlProblem ? "application/problem+xml" : "application/problem+json";
        assertEquals(expectedType, response.mediaType(), "problem media type: " + context);
        Problem problem = xmlProblem ? Problem.fromXml(response.body()) : Problem.fromJson(response.body());
        assertNotNull(problem.type, "type: " + context);
        assertNotNull(problem.title, "title: " + context);
        assertNotNull(problem.detail, "detail: " + context);
        assertEquals(String.valueOf(response.status()), problem.status, "status member: " + context);
        assertNotNull(problem.logToken, "logToken: " + context);
        assertEquals("703 " + service + " \"Error occurred, see " + problem.logToken + "\"",
                response.header("Warning").orElse(null), "Warning: " + context);
        if (response.status() == 400) {
            assertFalse(problem.fields.isEmpty(), "validationResult on a 400: " + context);
            if (field != null) {
                assertTrue(problem.fields.contains(field), "validationResult names " + field + ": " + context);
            }
        } else {
            assertTrue(problem.fields.isEmpty(), "validationResult only on a 400: " + context);
        }
        if (response.status() == 405) {
            assertTrue(response.header("Allow").isPresent(), "Allow on a 405: " + context);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "..." : text;
    }

    /** The members of a problem body that every case checks. */
    private static final class Problem {
        String type;
        String title;
        String status;
        String detail;
        String logToken;
        final List<String> fields = new ArrayList<>();

        static Problem fromJson(byte[] body) {
            try {
                JsonNode node = Json.MAPPER.readTree(body);
                Problem p = new Problem();
                p.type = text(node, "type");
                p.title = text(node, "title");
                p.status = node.hasNonNull("status") ? node.get("status").asText() : null;
                p.detail = text(node, "detail");
                p.logToken = text(node, "logToken");
                node.path("validationResult").forEach(v -> p.fields.add(v.path("field").asText()));
                return p;
            } catch (java.io.IOException e) {
                throw new AssertionError("not a JSON problem: " + new String(body, StandardCharsets.UTF_8), e);
            }
        }

        static Problem fromXml(byte[] body) {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
                Element root = doc.getDocumentElement();
                if (!"problem".equals(root.getLocalName()) || !"urn:ietf:rfc:7807".equals(root.getNamespaceURI())) {
                    throw new AssertionError("not an RFC 9457 XML problem: " + new String(body, StandardCharsets.UTF_8));
                }
                Problem p = new Problem();
                for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (!(n instanceof Element e)) {
                        continue;
                    }
                    switch (Objects.requireNonNullElse(e.getLocalName(), "")) {
                        case "type" -> p.type = e.getTextContent();
                        case "title" -> p.title = e.getTextContent();
                        case "status" -> p.status = e.getTextContent();
                        case "detail" -> p.detail = e.getTextContent();
                        case "logToken" -> p.logToken = e.getTextContent();
                        case "validationResult" -> {
                            var fields = e.getElementsByTagNameNS("urn:ietf:rfc:7807", "field");
                            for (int i = 0; i < fields.getLength(); i++) {
                                p.fields.add(fields.item(i).getTextContent());
                            }
                        }
                        default -> {
                        }
                    }
                }
                return p;
            } catch (AssertionError e) {
                throw e;
            } catch (Exception e) {
                throw new AssertionError("not a well-formed XML problem: " + new String(body, StandardCharsets.UTF_8),
                        e);
            }
        }

        private static String text(JsonNode node, String name) {
            return node.hasNonNull(name) ? node.get(name).asText() : null;
        }
    }
}
