package com.onecloud.testsupport.oidc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenID Connect provider for tests: a test double of an external party (Keycloak, Entra ID, …), not of the
 * platform's services. It serves discovery, an authorization endpoint whose page asks which account to sign in as
 * (there are no passwords: the test, or the browser it drives, picks an account {@link #addAccount added} before),
 * the token endpoint (authorization code grant, with the checks a real provider makes: the client's id and secret,
 * the redirect URI registered and the one the code was issued to, a code used once and soon, and the PKCE verifier)
 * and the key set. Tokens are RS256 JWTs signed with a key pair made at start: an {@code access_token} for the
 * platform's audience with the account's claims, and an {@code id_token} for the client.
 */
public final class TestOidcProvider implements AutoCloseable {

    public static final String DISCOVERY_PATH = "/.well-known/openid-configuration";
    public static final String AUTHORIZATION_PATH = "/authorize";
    public static final String TOKEN_PATH = "/token";
    public static final String JWKS_PATH = "/jwks";
    private static final String KEY_ID = "test-provider-key";
    private static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final String issuer;
    private final Client client;
    private final String audience;
    private final KeyPair keys;
    private final Map<String, Map<String, Object>> accounts = new ConcurrentHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final List<String> issuedTokens = new CopyOnWriteArrayList<>();
    private volatile Duration accessTokenLifetime = Duration.ofMinutes(10);

    /** The one client registered: the relying party's id, secret and exact redirect URI. */
    public record Client(String id, String secret, String redirectUri) {
    }

    /** What an authorization code stands for until the client redeems it. */
    private record Grant(String login, String redirectUri, String codeChallenge, String nonce, Instant issuedAt) {
    }

    private TestOidcProvider(Client client, String audience) throws IOException, GeneralSecurityException {
        this.client = client;
        this.audience = audience;
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        this.keys = generator.generateKeyPair();
        this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        this.issuer = "http://localhost:" + server.getAddress().getPort();
        server.createContext(DISCOVERY_PATH, exchange -> answer(exchange, this::discovery));
        server.createContext(AUTHORIZATION_PATH, exchange -> answer(exchange, this::authorize));
        server.createContext(TOKEN_PATH, exchange -> answer(exchange, this::token));
        server.createContext(JWKS_PATH, exchange -> answer(exchange, e -> json(e, 200,
                Jwks.of((RSAPublicKey) keys.getPublic(), KEY_ID))));
        server.start();
    }

    /**
     * Starts a provider on a free local port.
     *
     * @param audience the {@code aud} of its access tokens: the audience the platform's auth-service requires
     */
    public static TestOidcProvider start(Client client, String audience) {
        try {
            return new TestOidcProvider(client, audience);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The issuer, which is also the base URL of every endpoint (discovery at {@link #DISCOVERY_PATH} below it). */
    public String issuer() {
        return issuer;
    }

    /**
     * An account to sign in as, with the claims its access token carries besides the standard ones (e.g. the
     * platform's {@code onecloud_kind}, {@code onecloud_org}, {@code onecloud_user}, {@code onecloud_apis}).
     */
    public void addAccount(String login, Map<String, Object> claims) {
        accounts.put(login, Map.copyOf(claims));
    }

    /** How long the access and ID tokens issued from now on are valid. */
    public void accessTokenLifetime(Duration lifetime) {
        this.accessTokenLifetime = lifetime;
    }

    /** Every token issued so far, for the checks that none reached a log. */
    public List<String> issuedTokens() {
        return List.copyOf(issuedTokens);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void discovery(HttpExchange exchange) throws IOException {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer);
        metadata.put("authorization_endpoint", issuer + AUTHORIZATION_PATH);
        metadata.put("token_endpoint", issuer + TOKEN_PATH);
        metadata.put("jwks_uri", issuer + JWKS_PATH);
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("grant_types_supported", List.of("authorization_code"));
        metadata.put("subject_types_supported", List.of("public"));
        metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        metadata.put("scopes_supported", List.of("openid"));
        json(exchange, 200, JSON.writeValueAsString(metadata));
    }

    /**
     * GET shows the page that asks for the account; POST (that page's form) issues a code for it and sends the
     * browser back to the client. A request naming another client or redirect URI is refused on the page, never
     * redirected (RFC 6749 §4.1.2.1).
     */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> request = "POST".equals(exchange.getRequestMethod())
                ? form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                : form(exchange.getRequestURI().getRawQuery());
        if (!client.id().equals(request.get("client_id"))
                || !client.redirectUri().equals(request.get("redirect_uri"))) {
            html(exchange, 400, "<p>Unknown client or redirect URI.</p>");
            return;
        }
        if (!"code".equals(request.get("response_type"))
                || !String.valueOf(request.get("scope")).matches("(.* )?openid( .*)?")) {
            redirect(exchange, request.get("redirect_uri") + "?error=unsupported_response_type"
                    + state(request));
            return;
        }
        if (request.get("code_challenge") != null && !"S256".equals(request.get("code_challenge_method"))) {
            redirect(exchange, request.get("redirect_uri") + "?error=invalid_request" + state(request));
            return;
        }
        String login = request.get("login");
        if (!"POST".equals(exchange.getRequestMethod()) || login == null || !accounts.containsKey(login.trim())) {
            html(exchange, 200, signInPage(request, login == null ? null : "No account " + login + "."));
            return;
        }
        String code = random();
        codes.put(code, new Grant(login.trim(), request.get("redirect_uri"), request.get("code_challenge"),
                request.get("nonce"), Instant.now()));
        redirect(exchange, request.get("redirect_uri") + "?code=" + code + state(request));
    }

    private void token(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            json(exchange, 405, "{\"error\":\"invalid_request\"}");
            return;
        }
        Map<String, String> request = form(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8));
        if (!clientAuthenticated(exchange, request)) {
            json(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        Grant grant = request.get("code") == null ? null : codes.remove(request.get("code"));
        if (!"authorization_code".equals(request.get("grant_type")) || grant == null
                || grant.issuedAt().plus(CODE_LIFETIME).isBefore(Instant.now())
                || !grant.redirectUri().equals(request.get("redirect_uri"))
                || !pkceHolds(grant.codeChallenge(), request.get("code_verifier"))) {
            json(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        Instant now = Instant.now();
        Instant expires = now.plus(accessTokenLifetime);
        Map<String, Object> access = new LinkedHashMap<>(accounts.get(grant.login()));
        access.putAll(standardClaims(grant.login(), audience, now, expires));
        access.put("azp", client.id());
        access.put("scope", "openid");
        Map<String, Object> id = new LinkedHashMap<>(standardClaims(grant.login(), client.id(), now, expires));
        if (grant.nonce() != null) {
            id.put("nonce", grant.nonce());
        }
        String accessToken = SignedJwt.sign(access, keys.getPrivate(), KEY_ID);
        String idToken = SignedJwt.sign(id, keys.getPrivate(), KEY_ID);
        issuedTokens.add(accessToken);
        issuedTokens.add(idToken);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("access_token", accessToken);
        response.put("token_type", "Bearer");
        response.put("expires_in", accessTokenLifetime.toSeconds());
        response.put("id_token", idToken);
        response.put("scope", "openid");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        json(exchange, 200, JSON.writeValueAsString(response));
    }

    private Map<String, Object> standardClaims(String login, String aud, Instant now, Instant expires) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", login);
        claims.put("aud", aud);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", expires.getEpochSecond());
        return claims;
    }

    /** client_secret_basic (what Quarkus OIDC sends by default) or client_secret_post. */
    private boolean clientAuthenticated(HttpExchange exchange, Map<String, String> request) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String id = request.get("client_id");
        String secret = request.get("client_secret");
        if (authorization != null && authorization.startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8).split(":", 2);
            id = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
            secret = pair.length == 2 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : null;
        }
        return client.id().equals(id) && secret != null && MessageDigest.isEqual(
                client.secret().getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 7636: a code issued with a challenge is redeemed only with the verifier whose SHA-256 it is. */
    private static boolean pkceHolds(String challenge, String verifier) {
        if (challenge == null) {
            return verifier == null;
        }
        if (verifier == null) {
            return false;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).equals(challenge);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String signInPage(Map<String, String> request, String error) {
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Test identity provider</title></head><body><main><h1>Test identity provider</h1>");
        if (error != null) {
            page.append("<p role=\"alert\">").append(escape(error)).append("</p>");
        }
        page.append("<form method=\"post\" action=\"").append(AUTHORIZATION_PATH).append("\">");
        for (String name : List.of("response_type", "client_id", "redirect_uri", "scope", "state", "nonce",
                "code_challenge", "code_challenge_method")) {
            if (request.get(name) != null) {
                page.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                        .append(escape(request.get(name))).append("\">");
            }
        }
        page.append("<label for=\"login\">Sign in as</label> <input id=\"login\" name=\"login\" required>"
                + " <button type=\"submit\">Sign in</button></form><p>Accounts: ")
                .append(escape(String.join(", ", accounts.keySet().stream().sorted().toList())))
                .append("</p></main></body></html>");
        return page.toString();
    }

    private static String state(Map<String, String> request) {
        String state = request.get("state");
        return state == null ? "" : "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8);
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    /** Runs a handler; a failure is a 500 with nothing of it in the body, as a provider would answer. */
    private static void answer(HttpExchange exchange, Handler handler) {
        try (exchange) {
            handler.handle(exchange);
        } catch (IOException | RuntimeException e) {
            try {
                exchange.sendResponseHeaders(500, -1);
            } catch (IOException ignored) {
                // The client is gone.
            }
        }
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "application/json", body);
    }

    private static void html(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "text/html; charset=utf-8", body);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
