package com.onecloud.auth.decision;

import static com.onecloud.auth.support.Decisions.PATH;
import static com.onecloud.auth.support.Decisions.decide;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.access.Audience;
import com.onecloud.access.PrincipalKind;
import com.onecloud.auth.support.DecisionTestBase;
import com.onecloud.auth.support.TicketDatabaseResource;
import com.onecloud.auth.support.Tickets;
import com.onecloud.auth.support.Tickets.Issued;
import com.onecloud.testsupport.EmbeddedKafkaResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * The decision endpoint's fast lane ({@link DecisionFastLane}) against the resource behind it: both answer alike, each
 * decision is counted once, failures get the resource's problem body, and a request the lane does not take (chunked,
 * HTTP/2) is decided by the resource.
 */
@QuarkusTest
@QuarkusTestResource(TicketDatabaseResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
class DecisionFastLaneTest extends DecisionTestBase {

    @TestHTTPResource(PATH)
    URL url;

    @Test
    void aCachedDecisionIsAnsweredAsTheLookupWas() {
        Issued user = Tickets.issue(PrincipalKind.USER, Set.of(Api.CONTACTS));
        ExtractableResponse<Response> looked = decide(user.bearer(), Audience.USER_API, Api.CONTACTS)
                .statusCode(200).extract();
        ExtractableResponse<Response> cached = decide(user.bearer(), Audience.USER_API, Api.CONTACTS)
                .statusCode(200).extract();
        assertThat(cached.contentType()).isEqualTo(looked.contentType()).isEqualTo("application/json;charset=UTF-8");
        Map<String, Object> lookedBody = looked.jsonPath().getMap("");
        Map<String, Object> cachedBody = cached.jsonPath().getMap("");
        assertThat(cachedBody).containsOnlyKeys(lookedBody.keySet());
        assertThat(cachedBody.get("principal")).isEqualTo(lookedBody.get("principal"));
        assertThat(cachedBody.get("outcome")).isEqualTo("ALLOW");
        assertThat((Integer) cachedBody.get("cacheSeconds")).isBetween(1, (Integer) lookedBody.get("cacheSeconds"));
    }

    @Test
    void everyDecisionIsCountedOnceWhicheverWayItWent() {
        Issued user = Tickets.issue(PrincipalKind.USER, Set.of(Api.CONTACTS));
        double allowed = metric("onecloud_auth_decisions_total\\{outcome=\"ALLOW\"");
        double hits = metric("onecloud_auth_cache_requests_total\\{result=\"hit\"");
        double misses = metric("onecloud_auth_cache_requests_total\\{result=\"miss\"");
        long lookups = store.lookups();

        decide(user.bearer(), Audience.USER_API, Api.CONTACTS).body("outcome", equalTo("ALLOW"));
        decide(user.bearer(), Audience.USER_API, Api.CONTACTS).body("outcome", equalTo("ALLOW"));
        decide(user.bearer(), Audience.USER_API, Api.CONTACTS).body("outcome", equalTo("ALLOW"));

        assertThat(store.lookups()).isEqualTo(lookups + 1);
        assertThat(metric("onecloud_auth_decisions_total\\{outcome=\"ALLOW\"")).isEqualTo(allowed + 3);
        assertThat(metric("onecloud_auth_cache_requests_total\\{result=\"miss\"")).isEqualTo(misses + 1);
        assertThat(metric("onecloud_auth_cache_requests_total\\{result=\"hit\"")).isEqualTo(hits + 2);
    }

    @Test
    void aLookupIsDecidedWithACharsetParameterAndAWildcardAccept() {
        Issued user = Tickets.issue(PrincipalKind.USER, Set.of(Api.CONTACTS));
        long lookups = store.lookups();
        given().contentType("application/json; charset=UTF-8").accept("*/*").body(body(user.bearer(), "USER_API"))
                .post(PATH).then().statusCode(200).body("outcome", equalTo("ALLOW"));
        assertThat(store.lookups()).isEqualTo(lookups + 1);
    }

    @Test
    void aChunkedBodyGoesToTheResourceAndIsDecided() throws Exception {
        Issued user = Tickets.issue(PrincipalKind.USER, Set.of(Api.CONTACTS));
        byte[] json = body(user.bearer(), "USER_API").getBytes(StandardCharsets.UTF_8);
        // REST Assured declares the length of a stream body; an HTTP/1.1 stream of unknown length is sent chunked.
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(url.toString()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json))).build();
        assertDecidedTwice(HttpClient.Version.HTTP_1_1, chunked);
    }

    @Test
    void anHttp2RequestGoesToTheResourceAndIsDecided() throws Exception {
        Issued user = Tickets.issue(PrincipalKind.USER, Set.of(Api.CONTACTS));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.toString()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(user.bearer(), "USER_API"))).build();
        assertDecidedTwice(HttpClient.Version.HTTP_2, request);
    }

    /** A lookup, then the cache: both answered 200 ALLOW, over the protocol version asked for. */
    private void assertDecidedTwice(HttpClient.Version version, HttpRequest request) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(version).build();
        long lookups = store.lookups();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.version()).isEqualTo(version);
            assertThat(response.body()).contains("\"outcome\":\"ALLOW\"");
        }
        assertThat(store.lookups()).isEqualTo(lookups + 1);
    }

    @Test
    void anUnreadableBodyGetsTheResourcesProblem() {
        given().contentType("application/json").body("{\"audience\":").post(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("validationResult.field", hasItem("body"))
                .header("Warning", startsWith("703 auth-service \"Error occurred, see "));
    }

    @Test
    void aCachedCredentialWithoutAudienceGetsTheResourcesProblem() {
        Issued user = Tickets.issue(PrincipalKind.USER, Set.of(Api.CONTACTS));
        decide(user.bearer(), Audience.USER_API, Api.CONTACTS).body("outcome", equalTo("ALLOW"));
        given().contentType("application/json").body("{\"authorization\":\"" + user.bearer() + "\"}").post(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("validationResult.field", hasItem("audience"));
    }

    @Test
    void aCachedCredentialWithAnUnknownAudienceGetsTheResourcesProblem() {
        Issued user = Tickets.issue(PrincipalKind.USER, Set.of(Api.CONTACTS));
        decide(user.bearer(), Audience.USER_API, Api.CONTACTS).body("outcome", equalTo("ALLOW"));
        given().contentType("application/json").body(body(user.bearer(), "EVERYTHING")).post(PATH).then()
                .statusCode(400).contentType("application/problem+json")
                .body("validationResult.field", hasItem("audience"));
    }

    private static String body(String authorization, String audience) {
        return "{\"authorization\":\"" + authorization + "\",\"audience\":\"" + audience + "\",\"api\":\"CONTACTS\"}";
    }

    private static double metric(String linePrefix) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + linePrefix + "[^}]*} ([0-9.E+-]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
