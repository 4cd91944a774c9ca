package com.onecloud.http.conventions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Strict input through a test resource over real HTTP: no coercion, only storable text in bodies and URIs, XML held to
 * its representation, and {@code OPTIONS} agreeing with 405.
 */
@QuarkusTest
class StrictInputTest {

    private static final String WIDGETS = "/api/test/widgets";

    private static RequestSpecification send(String mediaType) {
        return given().config(RestAssuredConfig.config().encoderConfig(
                EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType(mediaType).accept("application/json");
    }

    // --- JSON ------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"name\":12}                       | name      | Field 'name' must be a string.",
            "{\"name\":true}                     | name      | Field 'name' must be a string.",
            "{\"name\":1.5}                      | name      | Field 'name' must be a string.",
            "{\"name\":[\"x\"]}                  | name      | Field 'name' must be a string.",
            "{\"name\":{\"a\":1}}                | name      | Field 'name' must be a string.",
            "{\"name\":\"x\",\"quantity\":\"5\"} | quantity  | Field 'quantity' must be an integer.",
            "{\"name\":\"x\",\"quantity\":1.5}   | quantity  | Field 'quantity' must be an integer.",
            "{\"name\":\"x\",\"quantity\":1.0}   | quantity  | Field 'quantity' must be an integer.",
            "{\"name\":\"x\",\"tags\":\"a\"}     | tags      | Field 'tags' must be a list.",
            "{\"name\":\"x\",\"tags\":[1]}       | tags[0]   | Field 'tags[0]' must be a string.",
            "{\"name\":\"x\",\"name\":\"y\"}     | name      | Field 'name' is given more than once.",
    })
    void noCoercion(String body, String field, String message) {
        send("application/json").body(body).post(WIDGETS).then().statusCode(400)
                .contentType("application/problem+json")
                .body("validationResult.field", equalTo(List.of(field)))
                .body("validationResult.message", equalTo(List.of(message)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "\\u0000", "\\u0001", "\\u001b", "\\u000b", "\\ud800", "\\uffff" })
    void aRefusedCharacterInAStringIs400NamingTheField(String escape) {
        send("application/json").body("{\"name\":\"a" + escape + "b\"}").post(WIDGETS).then().statusCode(400)
                .body("validationResult.field", equalTo(List.of("name")))
                .body("validationResult[0].message", equalTo("Field 'name' " + StorableText.REFUSED + "."));
        send("application/json").body("{\"name\":\"x\",\"tags\":[\"ok\",\"a" + escape + "\"]}").post(WIDGETS)
                .then().statusCode(400).body("validationResult.field", equalTo(List.of("tags[1]")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "\\t", "\\n", "\\r", "\\u007f", "\\u0085", "\\ud83d\\ude00" })
    void tabLineBreaksAndOtherCharactersAreKept(String escape) {
        send("application/json").body("{\"name\":\"a" + escape + "b\"}").post(WIDGETS).then().statusCode(201);
    }

    @Test
    void anythingAfterTheBodyMakesItMalformed() {
        send("application/json").body("{\"name\":\"x\"} {}").post(WIDGETS).then().statusCode(400)
                .body("validationResult.field", equalTo(List.of("body")));
    }

    @Test
    void anUnknownFieldWithAControlCharacterIsNamedReadably() {
        Response r = send("application/json").accept("application/xml").body("{\"name\":\"x\",\"a\\u0001b\":1}")
                .post(WIDGETS);
        r.then().statusCode(400).contentType("application/problem+xml");
        assertThat(XmlPath.from(r.asString()).getString("problem.validationResult.i.field")).isEqualTo("a\ufffdb");
    }

    @Test
    void aDeeplyNestedBodyIs400() {
        String deep = "{\"name\":\"x\",\"tags\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        send("application/json").body(deep).post(WIDGETS).then().statusCode(400);
        send("application/json").body("[".repeat(5000)).post(WIDGETS).then().statusCode(400);
    }

    // --- XML -------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<widget><name>a&#0;b</name></widget>                                      | name",
            "<widget><name>a&#1;b</name></widget>                                      | name",
            "<?xml version=\"1.1\"?><widget><name>a&#1;b</name></widget>               | name",
            "<?xml version=\"1.1\"?><widget><tags><tag>&#x1b;</tag></tags></widget>    | tag",
            "<widget><name>&undeclared;</name></widget>                                | name",
            "<widget><name>a&#xFFFE;</name></widget>                                   | name",
            "<gadget><name>x</name></gadget>                                           | body",
            "<widget><name lang=\"en\">x</name></widget>                               | lang",
            "<widget id=\"1\"><name>x</name></widget>                                  | id",
            "<widget><name>x</name><quantity>5.5</quantity></widget>                   | quantity",
    })
    void xmlIsHeldToItsRepresentation(String body, String field) {
        Response r = send("application/xml").accept("application/xml").body(body).post(WIDGETS);
        r.then().statusCode(400).contentType("application/problem+xml");
        assertThat(XmlPath.from(r.asString()).getList("problem.validationResult.i.field")).containsExactly(field);
    }

    @Test
    void aRawControlByteInXmlNamesItsElement() {
        byte[] body = "<widget><name>a\u0000b</name></widget>".getBytes(StandardCharsets.UTF_8);
        send("application/xml").body(body).post(WIDGETS).then().statusCode(400)
                .body("validationResult.field", equalTo(List.of("name")));
    }

    @Test
    void anUnknownCharsetIs400NamingContentType() throws IOException {
        String body = "<widget><name>x</name></widget>";
        String response = raw("POST " + WIDGETS + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                + "Content-Type: application/xml; charset=no-such-charset\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
        assertThat(response).startsWith("HTTP/1.1 400").contains("\"validationResult\":[{\"field\":\"Content-Type\"");
    }

    @Test
    void xmlWithinTheRulesIsRead() {
        send("application/xml").body("<?xml version=\"1.1\"?><widget><name>a&#9;b</name></widget>").post(WIDGETS)
                .then().statusCode(201).body("name", equalTo("a\tb"));
    }

    // --- bodies without a declared length --------------------------------------------------------------------

    @Test
    void aChunkedBodyIsRead() throws IOException {
        String response = raw(chunked("POST " + WIDGETS, "", "{\"name\":\"chunked\"}"));
        assertThat(response).startsWith("HTTP/1.1 201").contains("chunked");
    }

    @Test
    void aChunkedBodyIsReadUnderAnOverride() throws IOException {
        String response = raw(chunked("POST " + WIDGETS + "/w1", "X-HTTP-Method-Override: PUT\r\n",
                "{\"name\":\"over\"}"));
        assertThat(response).startsWith("HTTP/1.1 200").contains("X-Handled-By: PUT");
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413Problem() throws IOException {
        String response = raw(chunked("POST " + WIDGETS, "", "{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}"));
        assertThat(response).startsWith("HTTP/1.1 413").contains("application/problem+json")
                .contains("Warning: 703 edge-test");
    }

    private static String chunked(String requestLine, String headers, String body) {
        StringBuilder request = new StringBuilder(requestLine).append(" HTTP/1.1\r\nHost: localhost\r\n")
                .append("Accept: application/json\r\nContent-Type: application/json\r\n").append(headers)
                .append("Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        for (int at = 0; at < body.length(); at += 8192) {
            String chunk = body.substring(at, Math.min(body.length(), at + 8192));
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        return request.append("0\r\n\r\n").toString();
    }

    // --- URI -------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/test/widgets/search?q=a%00b          | q",
            "/api/test/widgets/search?q=ok&limit=%01   | limit",
            "/api/test/widgets/w%00                    | path",
            "/api/test/no-such-thing/%1F               | path",
    })
    void aRefusedCharacterInTheUriIs400NamingWhereItIs(String uri, String field) throws IOException {
        String response = raw("GET " + uri + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("\"validationResult\":[{\"field\":\"" + field + "\"");
    }

    @Test
    void likeAndSqlMetacharactersAreJustText() {
        given().accept("application/json").queryParam("q", "%_\\'; DROP TABLE x;--").get(WIDGETS + "/search")
                .then().statusCode(200).body("[0]", equalTo("%_\\'; DROP TABLE x;--"));
    }

    // --- OPTIONS and Allow -----------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/test/widgets              | OPTIONS, POST                      | DELETE",
            "/api/test/widgets/w1           | DELETE, GET, HEAD, OPTIONS, PUT     | POST",
            "/api/test/widgets/search       | GET, HEAD, OPTIONS                  | PUT",
            "/api/test/widgets/w1/parts     | GET, HEAD, OPTIONS                  | DELETE",
    })
    void optionsAnswersTheAllowOfA405(String path, String allow, String refusedMethod) {
        given().options(path).then().statusCode(200).header("Allow", allow).body(emptyOrNullString());
        given().accept("application/json").request(refusedMethod, path).then().statusCode(405).header("Allow", allow);
    }

    @Test
    void optionsWhereNoEndpointIsIs404() {
        given().accept("application/json").options("/api/test/nowhere").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void optionsOnADotSegmentPathAnswersForWhereItLeads() throws IOException {
        String response = raw("OPTIONS /api/test/widgets/w1/parts/%2e%2e HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 200").contains("Allow: DELETE, GET, HEAD, OPTIONS, PUT");
    }

    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
