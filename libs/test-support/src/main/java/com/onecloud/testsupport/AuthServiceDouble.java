package com.onecloud.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.onecloud.access.AccessPolicy;
import com.onecloud.access.Decision;
import com.onecloud.access.Decision.Outcome;
import com.onecloud.access.DecisionRequest;
import com.onecloud.access.Principal;
import com.onecloud.access.credential.PresentedCredential;
import com.onecloud.access.credential.TokenFormat;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in for auth-service's decision API ({@code POST /api/internal/v1/decisions}) for a service's own tests.
 * It applies the same shared parsing ({@link PresentedCredential}) and rules ({@link AccessPolicy}) to credentials
 * registered by the test. {@code DecisionContract} runs the same cases against this double and against the real
 * auth-service, which keeps the two honest.
 */
public class AuthServiceDouble implements QuarkusTestResourceLifecycleManager {

    public static final String PATH = "/api/internal/v1/decisions";

    /** How the double behaves, for fault tests. */
    public enum Mode {
        UP,
        /** Answers every decision request with 503. */
        FAILING,
        /** Accepts the connection and never answers. */
        HANGING,
        /** Answers as {@link #UP} after {@link #SLOW_ANSWER_MILLIS}, for tests of what callers do while they wait. */
        SLOW
    }

    public static final long SLOW_ANSWER_MILLIS = 800;

    private record Registered(String secret, Principal principal) {
    }

    private static final Map<String, Registered> CREDENTIALS = new ConcurrentHashMap<>();
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static volatile Mode mode = Mode.UP;
    private static volatile int cacheSeconds = 30;
    private static HttpServer server;

    @Override
    public Map<String, String> start() {
        return Map.of("onecloud.auth.url", url());
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM.
    }

    public static synchronized String url() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext(PATH, AuthServiceDouble::handle);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "auth-double-stop"));
        }
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Makes {@code token} (with {@code secret}, or Bearer-only when null) authenticate as {@code principal}. */
    public static void register(String token, String secret, Principal principal) {
        CREDENTIALS.put(token, new Registered(secret, principal));
    }

    public static void revoke(String token) {
        CREDENTIALS.remove(token);
    }

    public static void reset() {
        CREDENTIALS.clear();
        REQUESTS.set(0);
        mode = Mode.UP;
        cacheSeconds = 30;
    }

    public static void setMode(Mode newMode) {
        mode = newMode;
    }

    /** The {@code cacheSeconds} the double allows callers, 30 by default. */
    public static void setCacheSeconds(int seconds) {
        cacheSeconds = seconds;
    }

    /** Decision requests received since the last {@link #reset()}. */
    public static int requestCount() {
        return REQUESTS.get();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        REQUESTS.incrementAndGet();
        try (exchange) {
            switch (mode) {
                case FAILING -> {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                case HANGING -> {
                    sleepQuietly(60_000);
                    return;
                }
                case SLOW -> sleepQuietly(SLOW_ANSWER_MILLIS);
                case UP -> {
                }
            }
            DecisionRequest request = Json.MAPPER.readValue(exchange.getRequestBody(), DecisionRequest.class);
            byte[] body = Json.MAPPER.writeValueAsBytes(decide(request));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    static Decision decide(DecisionRequest request) {
        PresentedCredential credential = PresentedCredential.parse(request.authorization(), request.queryToken());
        if (credential instanceof PresentedCredential.None) {
            return Decision.refuse(Outcome.UNAUTHENTICATED, null, "No credential was presented.", 0);
        }
        if (credential instanceof PresentedCredential.Ambiguous ambiguous) {
            return Decision.refuse(Outcome.INVALID_REQUEST, "invalid_request", ambiguous.reason(), 0);
        }
        Registered found = null;
        if (credential instanceof PresentedCredential.Token t) {
            found = lookup(t.token(), null);
        } else if (credential instanceof PresentedCredential.TokenAndSecret ts) {
            found = lookup(ts.token(), ts.secret());
        }
        if (found == null || found.principal().expiresAt() != null
                && !found.principal().expiresAt().isAfter(Instant.now())) {
            return Decision.refuse(Outcome.UNAUTHENTICATED, "invalid_token", "The credential is not valid.", 0);
        }
        return AccessPolicy.decide(found.principal(), request.audience(), request.api(), cacheSeconds);
    }

    private static Registered lookup(String token, String secret) {
        if (TokenFormat.credentialId(token).isEmpty()) {
            return null;
        }
        Registered registered = CREDENTIALS.get(token);
        return registered != null && Objects.equals(registered.secret(), secret) ? registered : null;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
