package com.onecloud.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.onecloud.platform.Platform;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * How an outside client talks to the running platform. Every credential the platform hands out through these helpers
 * is remembered, so that {@link LogSecrecyIT} can prove none of them reached a service log.
 */
final class Clients {

    /** Every token and secret issued during the run. */
    static final List<String> ISSUED = new CopyOnWriteArrayList<>();

    record AppTicket(String id, String token, String secret) {
    }

    record UserToken(String ticketId, String token) {
    }

    private Clients() {
    }

    static Platform platform() {
        Platform platform = RunningPlatform.get();
        if (!ISSUED.contains(platform.bootstrapToken())) {
            ISSUED.add(platform.bootstrapToken());
            ISSUED.add(platform.bootstrapSecret());
        }
        return platform;
    }

    static RequestSpecification superuser(String baseUri) {
        Platform p = platform();
        return given().baseUri(baseUri).auth().preemptive().basic(p.bootstrapToken(), p.bootstrapSecret())
                .accept("application/json");
    }

    static RequestSpecification app(String baseUri, AppTicket app) {
        return given().baseUri(baseUri).auth().preemptive().basic(app.token(), app.secret())
                .accept("application/json");
    }

    static RequestSpecification user(String baseUri, String token) {
        return given().baseUri(baseUri).auth().oauth2(token).accept("application/json");
    }

    /** An organization with both APIs activated, once every service can act on that. */
    static String newOrganization(String name) {
        return newOrganization(name, true, true);
    }

    /**
     * An organization with the given activation (contract §3, rule 7), once ticket-service has announced it: from then
     * on every replica of every service decides by it.
     */
    static String newOrganization(String name, boolean adminApiEnabled, boolean userApiEnabled) {
        String id = superuser(platform().resourceUrl()).contentType("application/json")
                .body(Map.of("name", name, "adminApiEnabled", adminApiEnabled, "userApiEnabled", userApiEnabled))
                .post("/api/admin/v1/organizations")
                .then().statusCode(201).extract().jsonPath().getString("id");
        Events.await(Events.TICKET_EVENTS, event -> Events.ACTIVATION_CHANGED.equals(event.path("type").asText())
                && id.equals(event.path("subject").asText()), Duration.ofSeconds(30));
        return id;
    }

    static AppTicket newApplication(String orgId, String... apis) {
        Response r = superuser(platform().ticketUrl()).contentType("application/json")
                .body(Map.of("name", "app-" + UUID.randomUUID(), "kind", "APPLICATION", "apis", List.of(apis)))
                .post("/api/admin/v1/organizations/" + orgId + "/tickets");
        r.then().statusCode(201);
        AppTicket app = new AppTicket(r.jsonPath().getString("id"), r.jsonPath().getString("token"),
                r.jsonPath().getString("secret"));
        ISSUED.add(app.token());
        ISSUED.add(app.secret());
        return app;
    }

    static String newUser(AppTicket app, String orgId, String firstName, String lastName, String email) {
        return app(platform().resourceUrl(), app).contentType("application/json")
                .body(Map.of("firstName", firstName, "lastName", lastName, "email", email))
                .post("/api/admin/v1/organizations/" + orgId + "/users")
                .then().statusCode(201).extract().jsonPath().getString("id");
    }

    static UserToken newUserToken(AppTicket issuer, String orgId, String userId, String... apis) {
        Response r = app(platform().ticketUrl(), issuer).contentType("application/json")
                .body(Map.of("name", "token-" + UUID.randomUUID(), "kind", "USER", "userId", userId,
                        "apis", List.of(apis)))
                .post("/api/admin/v1/organizations/" + orgId + "/tickets");
        r.then().statusCode(201);
        UserToken token = new UserToken(r.jsonPath().getString("id"), r.jsonPath().getString("token"));
        ISSUED.add(token.token());
        return token;
    }

    /** Rotates an APPLICATION ticket as {@code caller}; returns the ticket with its new token and secret. */
    static AppTicket rotate(String baseUri, AppTicket caller, String orgId, String ticketId, int graceSeconds) {
        Response r = app(baseUri, caller).contentType("application/json").body(Map.of("graceSeconds", graceSeconds))
                .post("/api/admin/v1/organizations/" + orgId + "/tickets/" + ticketId + "/rotation");
        r.then().statusCode(200);
        AppTicket rotated = new AppTicket(ticketId, r.jsonPath().getString("token"), r.jsonPath().getString("secret"));
        ISSUED.add(rotated.token());
        ISSUED.add(rotated.secret());
        return rotated;
    }

    /** The outcome auth-service's decision API at {@code authUrl} gives the credential for the audience and API. */
    static String decision(String authUrl, String authorization, String audience, String api) {
        return given().baseUri(authUrl).contentType("application/json").accept("application/json")
                .body(Map.of("authorization", authorization, "audience", audience, "api", api))
                .post("/api/internal/v1/decisions")
                .then().statusCode(200).extract().jsonPath().getString("outcome");
    }

    /** No token or secret handed out so far appears in any service's log. */
    static void assertNoCredentialInLogs() throws IOException {
        for (Path log : platform().logFiles()) {
            String text = Files.readString(log);
            for (String credential : ISSUED) {
                assertThat(text).as("%s holds a credential", log.getFileName()).doesNotContain(credential);
            }
        }
    }
}
