package com.onecloud.console.oidc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import com.onecloud.testsupport.oidc.TestOidcProvider;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the test OpenID Connect provider, with the console's client registered for the console's test port, and a
 * stand-in for ticket-service that answers the console's sign-in question as the platform would: 403 (a USER at the
 * Admin API) to an access token this provider issued, 401 to anything else.
 */
public class ProviderResource implements QuarkusTestResourceLifecycleManager {

    static final String CLIENT_ID = "onecloud-console";
    static final String CLIENT_SECRET = "a-client-secret-of-at-least-32-characters";
    static final String LOGIN = "alice";
    static final String PROVIDER_NAME = "Test IdP";
    private TestOidcProvider provider;
    private HttpServer ticketService;

    @Override
    public Map<String, String> start() {
        int port = freePort();
        provider = TestOidcProvider.start(new TestOidcProvider.Client(CLIENT_ID, CLIENT_SECRET,
                "http://localhost:" + port + "/sign-in/oidc"), "onecloud-api");
        provider.addAccount(LOGIN, Map.of("onecloud_kind", "USER", "onecloud_org", "org-1", "onecloud_user", "user-1",
                "onecloud_apis", List.of("CONTACTS")));
        try {
            ticketService = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ticketService.createContext("/", exchange -> {
            try (exchange) {
                String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
                boolean issued = authorization.startsWith("Bearer ")
                        && provider.issuedTokens().contains(authorization.substring(7));
                exchange.sendResponseHeaders(issued ? 403 : 401, -1);
            }
        });
        ticketService.start();
        return Map.of(
                "quarkus.http.test-port", Integer.toString(port),
                "onecloud.console.ticket-url", "http://localhost:" + ticketService.getAddress().getPort(),
                "onecloud.console.oidc.enabled", "true",
                "onecloud.console.oidc.provider-name", PROVIDER_NAME,
                "quarkus.oidc.auth-server-url", provider.issuer(),
                "quarkus.oidc.client-id", CLIENT_ID,
                "quarkus.oidc.credentials.secret", CLIENT_SECRET);
    }

    @Override
    public void stop() {
        if (ticketService != null) {
            ticketService.stop(0);
        }
        if (provider != null) {
            provider.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
