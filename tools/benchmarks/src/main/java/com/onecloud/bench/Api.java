package com.onecloud.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The public APIs as an outside client uses them, to seed the platform (as system-tests' Clients does). */
final class Api {

    record AppTicket(String token, String secret) {
        String basic() {
            return "Basic " + Base64.getEncoder().encodeToString((token + ":" + secret).getBytes(StandardCharsets.UTF_8));
        }
    }

    record UserToken(String ticketId, String token) {
    }

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String ticketUrl;
    /** Contract §3, rule 7: a switched activation takes effect everywhere within this. */
    private static final Duration ACTIVATION_BOUND = Duration.ofSeconds(1);

    private final String resourceUrl;
    private final String superuser;

    Api(String ticketUrl, String resourceUrl, String bootstrapToken, String bootstrapSecret) {
        this.ticketUrl = ticketUrl;
        this.resourceUrl = resourceUrl;
        this.superuser = new AppTicket(bootstrapToken, bootstrapSecret).basic();
    }

    /**
     * An organization with both APIs activated; returns after the second within which the contract (§3, rule 7) has
     * every service act on its activation.
     */
    String newOrganization(String name) {
        String id = post(resourceUrl + "/api/admin/v1/organizations", superuser,
                Map.of("name", name, "adminApiEnabled", true, "userApiEnabled", true), 201).path("id").asText();
        try {
            Thread.sleep(ACTIVATION_BOUND.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return id;
    }

    AppTicket newApplication(String orgId, String... apis) {
        JsonNode r = post(ticketUrl + "/api/admin/v1/organizations/" + orgId + "/tickets", superuser,
                Map.of("name", "bench-app-" + UUID.randomUUID(), "kind", "APPLICATION", "apis", List.of(apis)), 201);
        return new AppTicket(r.path("token").asText(), r.path("secret").asText());
    }

    String newUser(AppTicket app, String orgId, String firstName, String lastName, String email) {
        return post(resourceUrl + "/api/admin/v1/organizations/" + orgId + "/users", app.basic(),
                Map.of("firstName", firstName, "lastName", lastName, "email", email), 201).path("id").asText();
    }

    UserToken newUserToken(AppTicket issuer, String orgId, String userId, String... apis) {
        JsonNode r = post(ticketUrl + "/api/admin/v1/organizations/" + orgId + "/tickets", issuer.basic(),
                Map.of("name", "bench-token-" + UUID.randomUUID(), "kind", "USER", "userId", userId,
                        "apis", List.of(apis)), 201);
        return new UserToken(r.path("id").asText(), r.path("token").asText());
    }

    /** Creates a personal contact as the user of {@code userToken}; returns its id. */
    String newContact(String userToken, String firstName) {
        return post(resourceUrl + "/api/user/v1/contacts", "Bearer " + userToken, Map.of("firstName", firstName), 201)
                .path("id").asText();
    }

    void revoke(AppTicket admin, String orgId, String ticketId) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(
                ticketUrl + "/api/admin/v1/organizations/" + orgId + "/tickets/" + ticketId))
                .header("Authorization", admin.basic()).DELETE().build());
        if (r.statusCode() != 204) {
            throw new IllegalStateException("revoke answered " + r.statusCode() + ": " + r.body());
        }
    }

    /**
     * GET with these headers ({@code Accept: application/json} unless they say otherwise); fails unless it answers
     * {@code expected}.
     */
    static void requireStatus(String url, Map<String, String> headers, int expected) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
        headers.forEach(b::setHeader);
        HttpResponse<String> r = send(b.build());
        if (r.statusCode() != expected) {
            throw new IllegalStateException("GET " + url + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    /** The body of a decision request for an endpoint of the End User API's CONTACTS, as resource-service sends it. */
    static String decisionRequest(String authorization) {
        return "{\"authorization\":\"" + authorization
                + "\",\"queryToken\":null,\"audience\":\"USER_API\",\"api\":\"CONTACTS\"}";
    }

    /** Posts a decision request to auth-service's decision API and returns the answer's body. */
    static String decide(String decisionsUrl, String body) {
        return send(HttpRequest.newBuilder(URI.create(decisionsUrl)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()).body();
    }

    static int getStatus(String url, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .header("Accept", "application/json").GET().build()).statusCode();
    }

    static String get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build()).body();
    }

    private static JsonNode post(String url, String authorization, Object body, int expected) {
        try {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", authorization).header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
            if (r.statusCode() != expected) {
                throw new IllegalStateException("POST " + url + " answered " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
