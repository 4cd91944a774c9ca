package com.onecloud.http.conventions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The shared HTTP conventions of contract §5, exercised through a test resource over real HTTP. Each case that
 * carries or returns a body runs in JSON and in XML.
 */
@QuarkusTest
class ConventionsTest {

    private static final String WIDGETS = "/api/test/widgets";
    private static final Path LOG = Path.of("target/edge-test.log");

    enum Format {
        JSON("application/json", "application/problem+json", "{\"name\":\"%s\"}"),
        XML("application/xml", "application/problem+xml", "<widget><name>%s</name></widget>");

        final String mediaType;
        final String problemType;
        final String bodyTemplate;

        Format(String mediaType, String problemType, String bodyTemplate) {
            this.mediaType = mediaType;
            this.problemType = problemType;
            this.bodyTemplate = bodyTemplate;
        }

        String widget(String name) {
            return bodyTemplate.formatted(name);
        }
    }

    private static RequestSpecification as(Format format) {
        // Send the Content-Type exactly as given (REST Assured would otherwise append a charset).
        return given().config(RestAssuredConfig.config().encoderConfig(
                EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType(format.mediaType).accept(format.mediaType);
    }

    // --- method override -------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Format.class)
    void postWithOverridePutIsHandledAsPut(Format format) {
        Response r = as(format).header("X-HTTP-Method-Override", "put").body(format.widget("renamed"))
                .post(WIDGETS + "/w1");
        r.then().statusCode(200).header("X-Handled-By", "PUT").contentType(containsString(format.mediaType));
        assertThat(r.asString()).contains("renamed");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void postWithOverrideDeleteIsHandledAsDelete(Format format) {
        given().accept(format.mediaType).header("X-HTTP-Method-Override", "DELETE")
                .post(WIDGETS + "/w1")
                .then().statusCode(204).header("X-Handled-By", "DELETE");
    }

    @Test
    void overrideDeleteWithoutBodyOrContentType() {
        given().noContentType().header("X-HTTP-Method-Override", "Delete")
                .post(WIDGETS + "/w2")
                .then().statusCode(204).header("X-Handled-By", "DELETE");
    }

    @Test
    void theAccessLogRecordsTheEffectiveMethod() {
        given().header("X-HTTP-Method-Override", "DELETE").post(WIDGETS + "/access-log-marker")
                .then().statusCode(204);
        awaitLogContaining("\"DELETE /api/test/widgets/access-log-marker HTTP/1.1\" 204");
        assertThat(readLog().lines().filter(l -> l.contains("access-log-marker"))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "GET", "PUT", "DELETE" })
    void theOverrideHeaderOnANonPostIs400(String method) {
        given().accept("application/json").header("X-HTTP-Method-Override", "PUT")
                .contentType("application/json").body(Format.JSON.widget("x"))
                .request(method, WIDGETS + "/w1")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("validationResult.field", hasItem("X-HTTP-Method-Override"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "GET", "TRACE", "CONNECT", "junk", "POST", "" })
    void overrideValuesOtherThanPutAndDeleteAre400(String value) {
        given().accept("application/json").header("X-HTTP-Method-Override", value)
                .post(WIDGETS + "/w1")
                .then().statusCode(400)
                .body("status", equalTo(400))
                .body("validationResult.field", hasItem("X-HTTP-Method-Override"));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void patchDirectIs501(Format format) {
        Response r = as(format).body(format.widget("x")).patch(WIDGETS + "/w1");
        r.then().statusCode(501).contentType(format.problemType).header("Warning", notNullValue());
        assertThat(status(r, format)).isEqualTo("501");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void patchViaOverrideIs501(Format format) {
        Response r = as(format).header("X-HTTP-Method-Override", "PATCH").body(format.widget("x"))
                .post(WIDGETS + "/w1");
        r.then().statusCode(501).contentType(format.problemType);
        assertThat(status(r, format)).isEqualTo("501");
    }

    @Test
    void dotSegmentsInThePathDoNotSkipTheConventions() throws IOException {
        // Sent by hand: HTTP clients remove the dot segments themselves; routing does too, so the filter must as well.
        byte[] body = Format.JSON.widget("x").getBytes(StandardCharsets.UTF_8);
        String head = "POST /q/../api/test/widgets HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                + "Content-Type: application/json\r\nX-HTTP-Method-Override: PATCH\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 501").contains("application/problem+json");
        }
    }

    // --- media types -----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = { "text/plain", "text/xml", "application/yaml", "application/octet-stream" })
    void unsupportedContentTypeIs400NamingTheHeader(String contentType) {
        given().accept("application/json").contentType(contentType).body("name=x".getBytes(StandardCharsets.UTF_8))
                .post(WIDGETS)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("validationResult.field", hasItem("Content-Type"));
    }

    @Test
    void formBodyIs400NamingContentType() {
        given().accept("application/json").formParam("name", "x").post(WIDGETS)
                .then().statusCode(400).body("validationResult.field", hasItem("Content-Type"));
    }

    @Test
    void charsetParameterIsAccepted() {
        given().accept("application/json").contentType("application/json; charset=UTF-8")
                .body(Format.JSON.widget("ok")).post(WIDGETS)
                .then().statusCode(201).header("X-Handled-By", "POST");
    }

    @ParameterizedTest
    @ValueSource(strings = { "text/html", "application/yaml", "image/png, text/plain", "application/json;q=0" })
    void unsupportedAcceptIs400NamingTheHeader(String accept) {
        given().accept(accept).get(WIDGETS + "/w1")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("validationResult.field", hasItem("Accept"));
    }

    @Test
    void theProblemTypesInAcceptStandForTheirFormats() {
        // What generated clients send for an operation that answers no body.
        given().accept("application/problem+json").delete(WIDGETS + "/w1")
                .then().statusCode(204).header("X-Handled-By", "DELETE");
        given().accept("application/problem+xml").get(WIDGETS + "/w1")
                .then().statusCode(200).contentType(containsString("application/xml"));
    }

    @Test
    void xmlResponsesAreWrittenByTheSharedWriter() {
        // Only XmlBodyWriter writes a carriage return as &#xD; (Quarkus' writer: &#13;).
        as(Format.XML).body("<widget><name>two&#13;lines</name></widget>").post(WIDGETS)
                .then().statusCode(201).body(containsString("<name>two&#xD;lines</name>"));
    }

    @Test
    void qValuesAreHonoured() {
        given().accept("application/json;q=0.3, application/xml;q=0.8").get(WIDGETS + "/w1")
                .then().statusCode(200).contentType(containsString("application/xml"));
        given().accept("application/xml;q=0.3, application/json").get(WIDGETS + "/w1")
                .then().statusCode(200).contentType(containsString("application/json"));
        given().accept("*/*").get(WIDGETS + "/w1")
                .then().statusCode(200).contentType(containsString("application/json"));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void bodiesRoundTrip(Format format) {
        Response r = as(format).body(format.widget("created")).post(WIDGETS);
        r.then().statusCode(201).contentType(containsString(format.mediaType));
        assertThat(r.asString()).contains("created");
    }

    // --- malformed and hostile bodies ------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Format.class)
    void malformedBodyIs400(Format format) {
        String broken = format == Format.JSON ? "{\"name\": \"x\"," : "<widget><name>x</name>";
        Response r = as(format).body(broken).post(WIDGETS);
        r.then().statusCode(400).contentType(format.problemType);
        assertThat(fields(r, format)).contains("body");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void unknownFieldIs400(Format format) {
        String body = format == Format.JSON ? "{\"name\":\"x\",\"colour\":\"red\"}"
                : "<widget><name>x</name><colour>red</colour></widget>";
        Response r = as(format).body(body).post(WIDGETS);
        r.then().statusCode(400).contentType(format.problemType);
        assertThat(fields(r, format)).contains("colour");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aValueOfTheWrongTypeIs400NamingItsField(Format format) {
        String body = format == Format.JSON ? "{\"name\":\"x\",\"quantity\":\"many\"}"
                : "<widget><name>x</name><quantity>many</quantity></widget>";
        Response r = as(format).body(body).post(WIDGETS);
        r.then().statusCode(400).contentType(format.problemType);
        assertThat(fields(r, format)).containsExactly("quantity");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void validationFailuresNameEachField(Format format) {
        String body = format == Format.JSON ? "{\"name\":\"\",\"email\":\"not-an-email\"}"
                : "<widget><name></name><email>not-an-email</email></widget>";
        Response r = as(format).body(body).post(WIDGETS);
        r.then().statusCode(400).contentType(format.problemType).header("Warning", containsString("703 edge-test"));
        assertThat(fields(r, format)).contains("name", "email");
    }

    @Test
    void anXmlBodyIsReadInItsDeclaredCharset() {
        byte[] latin1 = "<widget><name>Jos\u00e9</name></widget>".getBytes(StandardCharsets.ISO_8859_1);
        given().accept("application/json").contentType("application/xml; charset=ISO-8859-1").body(latin1)
                .post(WIDGETS).then().statusCode(201).body("name", equalTo("Jos\u00e9"));
    }

    @Test
    void aMissingMethodUnderANestedPathIs405NotAFallThrough404() {
        given().accept("application/json").delete(WIDGETS + "/w1/parts")
                .then().statusCode(405).header("Allow", containsString("GET"));
    }

    @Test
    void xxePayloadIsRefusedAndNothingIsRead(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("xxe-target.txt");
        Files.writeString(secret, "TOP-SECRET-FILE-CONTENT");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE widget [<!ENTITY xxe SYSTEM "%s">]>
                <widget><name>&xxe;</name></widget>""".formatted(secret.toUri());
        Response r = as(Format.XML).body(xxe).post(WIDGETS);
        r.then().statusCode(400).contentType("application/problem+xml");
        assertThat(r.asString()).doesNotContain("TOP-SECRET-FILE-CONTENT");
        assertThat(fields(r, Format.XML)).contains("body");
    }

    @Test
    void harmlessDoctypeIsRefusedToo() {
        String withDoctype = "<?xml version=\"1.0\"?><!DOCTYPE widget><widget><name>x</name></widget>";
        as(Format.XML).body(withDoctype).post(WIDGETS).then().statusCode(400);
    }

    @Test
    void entityExpansionBombIsRefusedWithoutExpanding() {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE widget [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            bomb.append("<!ENTITY l").append(i).append(" \"")
                    .append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        bomb.append("]><widget><name>&l10;</name></widget>");
        long started = System.nanoTime();
        Response r = as(Format.XML).body(bomb.toString()).post(WIDGETS);
        r.then().statusCode(400);
        assertThat(r.asString()).doesNotContain("lollol");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void bodyOverTheLimitIs413(Format format) {
        String big = "x".repeat(1024 * 1024 + 10);
        Response r = as(format).body(format.widget(big)).post(WIDGETS);
        r.then().statusCode(413).contentType(format.problemType).header("Warning", notNullValue());
    }

    // --- routing errors --------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Format.class)
    void unknownPathIs404Problem(Format format) {
        Response r = given().accept(format.mediaType).get("/api/test/no-such-thing");
        r.then().statusCode(404).contentType(format.problemType).header("Warning", containsString("703 edge-test"));
        assertThat(status(r, format)).isEqualTo("404");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void wrongMethodIs405WithAllow(Format format) {
        Response r = given().accept(format.mediaType).delete(WIDGETS);
        r.then().statusCode(405).contentType(format.problemType)
                .header("Allow", containsString("POST"));
        assertThat(status(r, format)).isEqualTo("405");
    }

    // --- unexpected errors and logging -----------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Format.class)
    void unexpectedExceptionIs500WithoutInternals(Format format) {
        Response r = given().accept(format.mediaType).get(WIDGETS + "/boom");
        r.then().statusCode(500).contentType(format.problemType)
                .header("Warning", matchesPattern("703 edge-test \"Error occurred, see [0-9a-f]{16}\""));
        String body = r.asString();
        assertThat(body).doesNotContain("IllegalStateException", "com.onecloud", "at ", "tickets", "Secret");
        String logToken = format == Format.JSON ? r.jsonPath().getString("logToken")
                : XmlPath.from(body).getString("problem.logToken");
        assertThat(r.header("Warning")).contains(logToken);

        String entry = awaitLogContaining("logToken=" + logToken);
        String afterEntry = entry.substring(entry.indexOf("logToken=" + logToken));
        assertThat(afterEntry).contains("java.lang.IllegalStateException")
                .contains("at com.onecloud.http.conventions.WidgetResource.boom");
    }

    @Test
    void aFailureWhileWritingTheResponseIsStillAProblem() {
        Response r = given().accept("application/json").get(WIDGETS + "/unwritable");
        r.then().statusCode(500).contentType("application/problem+json")
                .header("Warning", containsString("703 edge-test"));
        assertThat(r.asString()).doesNotContain("Unwritable", "IllegalStateException", "<html");
    }

    @Test
    void clientErrorsAreLoggedWithTheirTokenButNoStackTrace() {
        Response r = given().accept("application/json").get("/api/test/unknown-for-log");
        String logToken = r.jsonPath().getString("logToken");
        String log = awaitLogContaining("logToken=" + logToken);
        String line = log.lines().filter(l -> l.contains(logToken)).findFirst().orElseThrow();
        assertThat(line).contains("status=404").contains("/api/test/unknown-for-log");
        int next = log.indexOf('\n', log.indexOf(line) + line.length());
        assertThat(next < 0 ? "" : log.substring(next + 1, Math.min(log.length(), next + 200)))
                .doesNotStartWith("\tat ");
    }

    @Test
    void credentialsNeverReachTheLog() {
        String bearer = "oc_bearervalue_7H3xQ9mK2pL5vN8rT1wZ4cF6";
        String query = "oc_queryvalue_9B1nM4xV7kR2pL8sD3fG6hJ0";
        given().accept("application/json").header("Authorization", "Bearer " + bearer)
                .queryParam("t", query).get(WIDGETS + "/boom").then().statusCode(500);
        given().accept("application/json").header("Authorization", "Bearer " + bearer)
                .queryParam("t", query).get("/api/test/credential-marker").then().statusCode(404);
        given().accept("application/json").queryParam("t", query).get(WIDGETS + "/w9").then().statusCode(200);

        String log = awaitLogContaining("/api/test/credential-marker");
        awaitLogContaining("GET /api/test/widgets/w9");
        assertThat(readLog()).doesNotContain(bearer).doesNotContain(query);
        assertThat(log).contains("GET /api/test/widgets/boom");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void problemBodyCarriesTheRfc9457Members(Format format) {
        Response r = given().accept(format.mediaType).get("/api/test/nowhere");
        if (format == Format.JSON) {
            r.then().body("type", equalTo("about:blank")).body("title", equalTo("Not Found"))
                    .body("status", equalTo(404)).body("instance", equalTo("/api/test/nowhere"))
                    .body("detail", notNullValue()).body("logToken", matchesPattern("[0-9a-f]{16}"))
                    .body("$", not(org.hamcrest.Matchers.hasKey("validationResult")));
        } else {
            XmlPath xml = XmlPath.from(r.asString());
            assertThat(r.asString()).contains("xmlns=\"urn:ietf:rfc:7807\"");
            assertThat(xml.getString("problem.title")).isEqualTo("Not Found");
            assertThat(xml.getString("problem.instance")).isEqualTo("/api/test/nowhere");
            assertThat(xml.getString("problem.logToken")).matches("[0-9a-f]{16}");
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static String status(Response r, Format format) {
        return format == Format.JSON ? r.jsonPath().getString("status")
                : XmlPath.from(r.asString()).getString("problem.status");
    }

    private static java.util.List<String> fields(Response r, Format format) {
        return format == Format.JSON ? r.jsonPath().getList("validationResult.field", String.class)
                : XmlPath.from(r.asString()).getList("problem.validationResult.i.field", String.class);
    }

    private static String awaitLogContaining(String text) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).until(ConventionsTest::readLog,
                log -> log.contains(text));
    }

    private static String readLog() {
        try {
            return Files.exists(LOG) ? Files.readString(LOG, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
