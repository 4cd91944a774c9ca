package com.onecloud.console.api;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onecloud.console.config.ConsoleConfig;
import com.onecloud.console.session.Session.Credential;
import com.onecloud.console.session.SignedOut;

/**
 * The console's only way out: the public JSON APIs of ticket- and resource-service, always with the signed-in
 * credential's {@code Authorization} (a ticket's HTTP Basic or a provider's Bearer token). A 401 means the credential
 * is no longer good (revoked, expired, rotated out): the session is signed out ({@link SignedOut}). Any other
 * refusal becomes an {@link ApiException} with the problem's message and log token.
 */
@ApplicationScoped
public class ApiClient {

    /** The two services the console talks to. */
    public enum Service {
        TICKET("ticket-service"), RESOURCE("resource-service");

        private final String label;

        Service(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    static final String REVOKED = "Your credential is no longer accepted (revoked, expired or rotated out), so you"
            + " were signed out. Sign in again.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConsoleConfig config;
    private final HttpClient http;

    ApiClient(ConsoleConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.apiTimeout()).build();
    }

    public JsonNode get(Service service, String path, Credential credential) {
        return exchange(service, "GET", path, credential.authorization(), null, null);
    }

    public JsonNode post(Service service, String path, Credential credential, Object body) {
        return exchange(service, "POST", path, credential.authorization(), body, null);
    }

    /** A PUT with the version read before as {@code If-Match}: a change made meanwhile gets 409, not overwritten. */
    public JsonNode put(Service service, String path, Credential credential, Object body, long version) {
        return exchange(service, "PUT", path, credential.authorization(), body, "\"" + version + "\"");
    }

    public void delete(Service service, String path, Credential credential) {
        exchange(service, "DELETE", path, credential.authorization(), null, null);
    }

    /** The status of a GET with the given {@code Authorization}, for the sign-in's questions; nothing is thrown. */
    public int status(Service service, String path, String authorization) {
        try {
            return http.send(request(service, "GET", path, authorization, null, null),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw unreachable(service);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(service);
        }
    }

    /** The problem of a refused GET, for the sign-in's explanation of a 403. */
    public ApiProblem problem(Service service, String path, String authorization) {
        try {
            HttpResponse<String> response = http.send(request(service, "GET", path, authorization, null, null),
                    HttpResponse.BodyHandlers.ofString());
            return ProblemReader.read(service.label(), response.statusCode(), response.body(),
                    response.headers().firstValue("Warning").orElse(null));
        } catch (IOException e) {
            throw unreachable(service);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(service);
        }
    }

    private JsonNode exchange(Service service, String method, String path, String authorization, Object body,
            String ifMatch) {
        HttpResponse<String> response;
        try {
            response = http.send(request(service, method, path, authorization, body, ifMatch),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unreachable(service);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(service);
        }
        int status = response.statusCode();
        if (status == 401) {
            throw new SignedOut(REVOKED);
        }
        if (status >= 400) {
            throw new ApiException(ProblemReader.read(service.label(), status, response.body(),
                    response.headers().firstValue("Warning").orElse(null)));
        }
        try {
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ApiException(new ApiProblem(service.label(), status, "its answer was not JSON", null,
                    List.of()));
        }
    }

    private HttpRequest request(Service service, String method, String path, String authorization, Object body,
            String ifMatch) {
        String base = service == Service.TICKET ? config.ticketUrl() : config.resourceUrl();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(config.apiTimeout())
                .header("Accept", "application/json").header("Authorization", authorization);
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            try {
                builder.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot write the request body", e);
            }
        }
        return builder.build();
    }

    private static ApiException unreachable(Service service) {
        return new ApiException(new ApiProblem(service.label(), 502, service.label()
                + " did not answer; try again in a moment", null, List.of()));
    }

    /** An id or name as one path segment: whatever a person typed cannot add a segment or a query. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A query string of the non-blank parameters, in order, with a leading {@code ?} (or nothing). */
    public static String query(Map<String, ?> parameters) {
        StringJoiner joiner = new StringJoiner("&", "?", "").setEmptyValue("");
        parameters.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                joiner.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
            }
        });
        return joiner.toString();
    }

    /** Parameters in the order given, for {@link #query}. */
    public static Map<String, Object> parameters(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
