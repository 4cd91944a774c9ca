package com.onecloud.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Keycloak beside the platform, the peer that the decision ratios compare with: its Quarkus distribution (fetched by
 * run.sh from Maven Central into {@code tools/benchmarks/target/keycloak/}) in production mode with its file
 * database, on a JDK of at least 21 found on the machine. It gets a realm with a confidential client and a user; the
 * user's access token (for that client, which is its audience) is what its RFC 7662 introspection endpoint is asked
 * about by the client, as our decisions are asked about a USER token.
 */
final class KeycloakPeer implements AutoCloseable {

    /** Set by run.sh, which fetches this version ({@code BENCH_KEYCLOAK_VERSION}). */
    static final String VERSION = System.getenv().getOrDefault("BENCH_KEYCLOAK_VERSION", "");
    private static final String REALM = "bench";
    private static final String CLIENT = "bench-client";
    private static final String CLIENT_SECRET = "bench-client-secret";
    private static final String ADMIN = "admin";
    private static final Duration READY_WITHIN = Duration.ofMinutes(6);
    private static final Pattern COMPILES = Pattern.compile("sun\\.ci\\.totalCompiles=(\\d+)");

    private final Process process;
    private final Path jdk;
    private final int port;
    private String token;

    private KeycloakPeer(Process process, Path jdk, int port) {
        this.process = process;
        this.jdk = jdk;
        this.port = port;
    }

    /** Why the peer cannot run here, or empty if it can. */
    static Optional<String> unavailable(Path cache) {
        if (VERSION.isBlank()) {
            return Optional.of("BENCH_KEYCLOAK_VERSION is not set (run.sh sets it)");
        }
        if (jdk().isEmpty()) {
            return Optional.of("no JDK 21 or newer found (JAVA_HOME, BENCH_PEER_JAVA_HOME, /usr/lib/jvm/*): Keycloak "
                    + VERSION + " needs one");
        }
        if (!Files.exists(distribution(cache))) {
            return Optional.of(distribution(cache) + " is missing (run.sh fetches it from Maven Central)");
        }
        return Optional.empty();
    }

    private static Path distribution(Path cache) {
        return cache.resolve("keycloak-quarkus-dist-" + VERSION + ".zip");
    }

    /** The first JDK of at least version 21: BENCH_PEER_JAVA_HOME, JAVA_HOME, then those in /usr/lib/jvm. */
    static Optional<Path> jdk() {
        List<Path> candidates = new ArrayList<>();
        for (String variable : List.of("BENCH_PEER_JAVA_HOME", "JAVA_HOME")) {
            String home = System.getenv(variable);
            if (home != null && !home.isBlank()) {
                candidates.add(Path.of(home));
            }
        }
        try (Stream<Path> installed = Files.list(Path.of("/usr/lib/jvm"))) {
            installed.sorted(Comparator.reverseOrder()).forEach(candidates::add);
        } catch (IOException e) {
            // No /usr/lib/jvm: only the variables count.
        }
        return candidates.stream().filter(home -> Files.isExecutable(home.resolve("bin/java"))
                && majorVersion(home) >= 21).findFirst();
    }

    private static int majorVersion(Path home) {
        try {
            Matcher m = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(home.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Unpacks the distribution once (its server image, built at the first start, stays with it), starts it on a free
     * port with an empty database, and sets up the realm, client, user and the token to introspect.
     */
    static KeycloakPeer start(Path cache, Path folder, int port, int managementPort) throws Exception {
        Path home = cache.resolve("keycloak-" + VERSION);
        if (!Files.exists(home.resolve("bin/kc.sh"))) {
            unzip(distribution(cache), cache);
        }
        deleteTree(home.resolve("data"));
        Path jdk = jdk().orElseThrow();
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start",
                "--http-enabled=true", "--http-port=" + port, "--http-management-port=" + managementPort,
                "--hostname-strict=false", "--db=dev-file", "--cache=local")
                .redirectErrorStream(true).redirectOutput(folder.resolve("keycloak.log").toFile());
        builder.environment().put("JAVA_HOME", jdk.toString());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN);
        KeycloakPeer peer = new KeycloakPeer(builder.start(), jdk, port);
        try {
            peer.awaitReady();
            peer.setUp();
        } catch (Exception e) {
            peer.close();
            throw e;
        }
        return peer;
    }

    String introspectionUrl() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM + "/protocol/openid-connect/token/introspect";
    }

    /** wrk's environment for request.lua: the client's introspection of the user's access token. */
    Map<String, String> introspectionRequest() {
        return Map.of("BENCH_METHOD", "POST", "BENCH_BODY", "token=" + token, "BENCH_HEADERS",
                "Authorization: Basic " + basic(CLIENT, CLIENT_SECRET)
                        + "\nContent-Type: application/x-www-form-urlencoded\nAccept: application/json");
    }

    /** The JIT compilations the peer's JVM has made so far (its {@code sun.ci.totalCompiles} counter). */
    long compilations() {
        try {
            Process jcmd = new ProcessBuilder(jdk.resolve("bin/jcmd").toString(), Long.toString(jvm().pid()),
                    "PerfCounter.print").redirectErrorStream(true).start();
            String output = new String(jcmd.getInputStream().readAllBytes());
            jcmd.waitFor();
            Matcher m = COMPILES.matcher(output);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    double rssMiB() {
        return Services.rssMiB(jvm().pid());
    }

    /** Keycloak's JVM: kc.sh starts it as a child where it does not replace itself with it. */
    ProcessHandle jvm() {
        return process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst().orElse(process.toHandle());
    }

    /** Answers whether the token is active, as a check that the introspection does its whole work. */
    boolean tokenActive() throws IOException {
        HttpResponse<String> r = Api.send(HttpRequest.newBuilder(URI.create(introspectionUrl()))
                .header("Authorization", "Basic " + basic(CLIENT, CLIENT_SECRET))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token)).build());
        return r.statusCode() == 200 && Api.JSON.readTree(r.body()).path("active").asBoolean();
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        String url = "http://127.0.0.1:" + port + "/realms/master";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + " (keycloak.log)");
            }
            try {
                if (Api.send(HttpRequest.newBuilder(URI.create(url)).GET().build()).statusCode() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // Not listening yet.
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak not ready within " + READY_WITHIN + " (keycloak.log)");
    }

    /**
     * A realm whose access tokens outlive the run, a confidential client that may introspect and obtain tokens for
     * its users, one user, and that user's access token.
     */
    private void setUp() throws IOException {
        String base = "http://127.0.0.1:" + port;
        String admin = "Bearer " + form(base + "/realms/master/protocol/openid-connect/token", null,
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", ADMIN, "password", ADMIN))
                .path("access_token").asText();
        adminPost(base + "/admin/realms", admin, Map.of("realm", REALM, "enabled", true, "accessTokenLifespan", 86_400,
                "ssoSessionIdleTimeout", 86_400, "ssoSessionMaxLifespan", 86_400));
        // Keycloak answers an introspection only for a client in the token's audience: the mapper puts it there.
        adminPost(base + "/admin/realms/" + REALM + "/clients", admin, Map.of("clientId", CLIENT, "secret",
                CLIENT_SECRET, "publicClient", false, "directAccessGrantsEnabled", true, "standardFlowEnabled", false,
                "serviceAccountsEnabled", true, "protocolMappers", List.of(Map.of("name", "audience", "protocol",
                        "openid-connect", "protocolMapper", "oidc-audience-mapper", "config", Map.of(
                                "included.client.audience", CLIENT, "access.token.claim", "true",
                                "introspection.token.claim", "true")))));
        adminPost(base + "/admin/realms/" + REALM + "/users", admin, Map.of("username", "bench", "enabled", true,
                "email", "bench@example.com", "emailVerified", true, "firstName", "Bench", "lastName", "Mark",
                "credentials", List.of(Map.of("type", "password", "value", "bench", "temporary", false))));
        token = form(base + "/realms/" + REALM + "/protocol/openid-connect/token", basic(CLIENT, CLIENT_SECRET),
                Map.of("grant_type", "password", "username", "bench", "password", "bench")).path("access_token")
                .asText();
        if (!tokenActive()) {
            throw new IllegalStateException("Keycloak does not report the user's token active");
        }
    }

    private static JsonNode form(String url, String basicAuth, Map<String, String> fields) throws IOException {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (basicAuth != null) {
            b.header("Authorization", "Basic " + basicAuth);
        }
        HttpResponse<String> r = Api.send(b.build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("POST " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return Api.JSON.readTree(r.body());
    }

    private static void adminPost(String url, String authorization, Object body) throws IOException {
        HttpResponse<String> r = Api.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body))).build());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("POST " + url + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (target.toString().endsWith(".sh")) {
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
