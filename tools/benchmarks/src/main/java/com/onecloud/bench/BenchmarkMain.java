package com.onecloud.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.onecloud.bench.Api.AppTicket;
import com.onecloud.bench.Api.UserToken;
import com.onecloud.platform.Platform;
import com.onecloud.platform.PlatformConfig;

/**
 * The benchmark run of issue 7: starts the local platform (resource-service from its {@code bench} build, which adds
 * the unauthenticated comparison endpoint), seeds it, measures with wrk and writes {@code results.md} (and the raw
 * wrk outputs) into a fresh folder under {@code tools/benchmarks/target/}. Settings: see tools/benchmarks/run.sh.
 */
public final class BenchmarkMain {

    private static final String CONTACT_PREFIX = "bench";
    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");
    private static final Duration QUIET_WAIT = Duration.ofSeconds(60);

    private final Path root;
    private final Path out;
    private final Wrk wrk;
    private final int duration = env("BENCH_DURATION", 20);
    private final int warmup = env("BENCH_WARMUP", 10);
    private final int contacts = env("BENCH_CONTACTS", 100_000);
    private final int revocations = env("BENCH_REVOCATIONS", 100);
    private final int revocationWarmup = env("BENCH_REVOCATION_WARMUP", 10);
    private final int coldTokens = env("BENCH_COLD_TOKENS", 30_000);
    private final int coldWarmupTokens = env("BENCH_COLD_WARMUP_TOKENS", 3_000);
    private final int coldDuration = env("BENCH_COLD_DURATION", 4);
    private final int soak = env("BENCH_SOAK", 300);
    private final int startupRuns = env("BENCH_STARTUP_RUNS", 3);
    /** A start is measured once the machine's CPUs are at most this busy (100: at once), or after {@link #QUIET_WAIT}. */
    private final int quietPercent = env("BENCH_QUIET_PERCENT", 10);
    private final int overheadRounds = env("BENCH_OVERHEAD_ROUNDS", 3);
    private final boolean jfr = env("BENCH_JFR", 0) == 1;
    private final boolean nmt = env("BENCH_NMT", 0) == 1;
    private final StringBuilder md = new StringBuilder();
    private final Map<String, Map<String, Double>> rssUnderLoad = new LinkedHashMap<>();
    private final List<String> errorsSeen = new ArrayList<>();
    private int postgresPort;
    private Platform platform;
    private Api api;
    private String org;
    private AppTicket admin;
    private String userId;
    private UserToken userToken;

    /**
     * @param root the built source tree (tools/benchmarks/target/source: a committed tree, resource-service in its bench build)
     * @param target where the run folder goes
     */
    private BenchmarkMain(Path root, Path target) throws IOException {
        this.root = root;
        this.out = target.resolve("run-" + System.currentTimeMillis());
        Files.createDirectories(out);
        this.wrk = new Wrk(root.resolve("tools/benchmarks/wrk"), out, env("BENCH_WRK_THREADS", 2),
                env("BENCH_WRK_CONNECTIONS", 32));
    }

    public static void main(String[] args) throws Exception {
        BenchmarkMain main = new BenchmarkMain(Path.of(args[0]).toAbsolutePath().normalize(),
                Path.of(args[1]).toAbsolutePath().normalize());
        main.run();
    }

    private void run() throws Exception {
        String commit = Files.exists(root.resolve("COMMIT")) ? Files.readString(root.resolve("COMMIT")).trim() : "?";
        postgresPort = freePort();
        Map<String, String> serviceEnv = new HashMap<>();
        if (nmt) {
            serviceEnv.put("JAVA_TOOL_OPTIONS", "-XX:NativeMemoryTracking=summary");
        }
        // Experiments: extra environment for every service, "NAME=value;NAME=value".
        for (String pair : System.getenv().getOrDefault("BENCH_SERVICE_ENV", "").split(";")) {
            if (pair.contains("=")) {
                serviceEnv.put(pair.substring(0, pair.indexOf('=')).trim(), pair.substring(pair.indexOf('=') + 1).trim());
            }
        }
        PlatformConfig config = new PlatformConfig(root, out.resolve("platform"), freePort(), freePort(),
                freePort(), postgresPort, freePort(), null, "postgres", "postgres", null, serviceEnv);
        log("starting the platform in " + out);
        long t0 = System.nanoTime();
        platform = Platform.start(config);
        double platformSeconds = (System.nanoTime() - t0) / 1e9;
        try {
            md.append("Commit measured: `").append(commit).append("`. Run folder: `").append(out).append("`; started ")
                    .append(ZonedDateTime.now()).append("; load average at start: ").append(loadAverage())
                    .append("\n\nwrk -t").append(wrk.threads()).append(" -c").append(env("BENCH_WRK_CONNECTIONS", 32))
                    .append(" on 127.0.0.1; warm-up ").append(warmup).append(" s; measured runs ").append(duration)
                    .append(" s unless stated. Whole platform (PostgreSQL, Kafka, three services) up in ")
                    .append(f1(platformSeconds)).append(" s.\n\n");
            if (!serviceEnv.isEmpty()) {
                md.append("Extra service environment (experiment): `").append(serviceEnv).append("`\n\n");
            }
            if (phase("startup")) {
                startup();
                idleRss();
            }
            seed();
            if (phase("overhead")) {
                authenticationOverhead();
            }
            if (phase("decisions")) {
                decisions();
            }
            if (phase("crud")) {
                crud();
            }
            if (phase("revocation")) {
                revocation();
            }
            if (phase("soak")) {
                soak();
            }
            md.append("\n## Errors\n\n").append(errorsSeen.isEmpty() ? "No non-2xx response and no socket error in any"
                    + " wrk run.\n" : String.join("\n", errorsSeen) + "\n");
            memoryDetails();
            md.append("\nLoad average at the end: ").append(loadAverage()).append("\n");
        } finally {
            Files.writeString(out.resolve("results.md"), md.toString());
            log("results: " + out.resolve("results.md"));
            platform.close();
        }
        System.out.println(md);
    }

    // ---------------------------------------------------------------------------------------------------- 5. start-up

    private void startup() throws Exception {
        log("start-up times");
        md.append("## 5. Start-up time and RSS\n\nEach service killed (SIGKILL) and started again ").append(startupRuns)
                .append(" times with the rest of the platform running (JVM mode, as local-platform starts it: `java ")
                .append(Services.process("ticket-service").flatMap(p -> p.info().arguments())
                        .map(args -> String.join(" ", args)).orElse("?"))
                .append("` from the service's `target/quarkus-app`). *Ready* = from process start to the first"
                        + " 200 of `/q/health/ready` (polled every 10 ms); *Quarkus* = the \"started in\" of its log."
                        + " resource-service is its `bench` build (one extra endpoint). Each start waits until the"
                        + " machine is quiet (CPUs at most " + quietPercent + " % busy over 2 s, at most "
                        + QUIET_WAIT.toSeconds() + " s): the other services keep compiling for a while after they"
                        + " started, and a start measured then measures them too.\n\n")
                .append("| service | ready, each run (s) | Quarkus \"started in\" (s) | CPUs busy before each start"
                        + " | target |\n|---|---|---|---|---|\n");
        List<Path> logs = platform.logFiles();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            for (int i = 0; i < Services.NAMES.size(); i++) {
                String name = Services.NAMES.get(i);
                Path logFile = logs.stream().filter(p -> p.getFileName().toString().startsWith(name)).findFirst()
                        .orElseThrow();
                String url = switch (name) {
                    case "ticket-service" -> platform.ticketUrl();
                    case "auth-service" -> platform.authUrl();
                    default -> platform.resourceUrl();
                };
                List<String> ready = new ArrayList<>();
                List<String> quarkus = new ArrayList<>();
                List<String> busy = new ArrayList<>();
                for (int run = 0; run < startupRuns; run++) {
                    QuietMachine.Quiet quiet = QuietMachine.await(quietPercent, QUIET_WAIT);
                    busy.add(Math.round(quiet.busyPercent()) + " % (after " + Math.round(quiet.waitedSeconds())
                            + " s)");
                    platform.kill(name);
                    long logSize = Files.size(logFile);
                    long start = System.nanoTime();
                    Future<?> restart = executor.submit(() -> platform.restart(name));
                    while (!isReady(url)) {
                        if (System.nanoTime() - start > Duration.ofSeconds(90).toNanos()) {
                            throw new IllegalStateException(name + " not ready in 90 s");
                        }
                        Thread.sleep(10);
                    }
                    ready.add(f2((System.nanoTime() - start) / 1e9));
                    restart.get();
                    String tail = Files.readString(logFile).substring((int) logSize);
                    Matcher m = STARTED.matcher(tail);
                    quarkus.add(m.find() ? m.group(1) : "?");
                }
                md.append("| ").append(name).append(" | ").append(String.join(", ", ready)).append(" | ")
                        .append(String.join(", ", quarkus)).append(" | ").append(String.join(", ", busy))
                        .append(" | < 3 s |\n");
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private static boolean isReady(String url) {
        try {
            return Api.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(1)).build(), java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void idleRss() throws InterruptedException {
        Thread.sleep(10_000);
        md.append("\nRSS (VmRSS of /proc/<pid>/status), idle 10 s after the last restart: ");
        List<String> parts = new ArrayList<>();
        for (String s : Services.NAMES) {
            parts.add(s + " " + f0(Services.rssMiB(s)) + " MiB");
        }
        md.append(String.join(", ", parts)).append(". Under load: see each measurement and the summary at the end.\n\n");
    }

    // -------------------------------------------------------------------------------------------------------- seed

    private void seed() throws SQLException {
        log("seeding");
        api = new Api(platform.ticketUrl(), platform.resourceUrl(), platform.bootstrapToken(),
                platform.bootstrapSecret());
        org = api.newOrganization("Benchmark " + UUID.randomUUID());
        admin = api.newApplication(org, "USERS", "TICKETS");
        userId = api.newUser(admin, org, "Bench", "Mark", "bench-" + UUID.randomUUID() + "@example.com");
        userToken = api.newUserToken(admin, org, userId, "CONTACTS");
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort
                + "/onecloud_resources", "postgres", "postgres")) {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO contact (id, organization_id, owner_user_id, first_name, last_name, company, email,
                                         phone_number, version, created_at)
                    SELECT ? || lpad(i::text, ?, '0'), ?, ?, 'First' || i, 'Last' || i, 'Company ' || (i % 1000),
                           'contact' || i || '@example.com', '+4930' || lpad(i::text, 8, '0'), 0,
                           now() - make_interval(secs => i)
                    FROM generate_series(1, ?) AS i""")) {
                s.setString(1, CONTACT_PREFIX);
                s.setInt(2, 16 - CONTACT_PREFIX.length());
                s.setString(3, org);
                s.setString(4, userId);
                s.setInt(5, contacts);
                s.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE contact");
            }
        }
        md.append("Seed: one organization, an APPLICATION ticket (USERS, TICKETS), one user with a USER token"
                + " (CONTACTS) through the public APIs; ").append(contacts).append(" contacts of that user inserted"
                + " directly into resource-service's `contact` table (`INSERT ... SELECT generate_series`, then"
                + " `ANALYZE`) in ").append(f1((System.nanoTime() - t0) / 1e9)).append(" s.\n\n");
    }

    private String contactId(int i) {
        return CONTACT_PREFIX + String.format("%0" + (16 - CONTACT_PREFIX.length()) + "d", i);
    }

    // ------------------------------------------------------------------------------------- 1. authentication overhead

    private void authenticationOverhead() throws Exception {
        log("authentication overhead");
        String id = contactId(contacts / 2);
        String authUrl = "http://127.0.0.1:" + port(platform.resourceUrl()) + "/api/user/v1/contacts/" + id;
        String benchUrl = "http://127.0.0.1:" + port(platform.resourceUrl()) + "/bench/user/v1/contacts/" + id;
        Map<String, String> authEnv = Map.of("BENCH_HEADERS", "Authorization: Bearer " + userToken.token()
                + "\nAccept: application/json");
        Map<String, String> benchEnv = Map.of("BENCH_HEADERS", "X-Bench-Organization: " + org + "\nX-Bench-User: "
                + userId + "\nAccept: application/json");
        requireStatus(authUrl, Map.of("Authorization", "Bearer " + userToken.token()), 200);
        requireStatus(benchUrl, Map.of("X-Bench-Organization", org, "X-Bench-User", userId), 200);
        wrk.run("overhead-warmup-auth", authUrl, "request.lua", authEnv, warmup);
        wrk.run("overhead-warmup-noauth", benchUrl, "request.lua", benchEnv, warmup);
        List<Wrk.Result> withAuth = new ArrayList<>();
        List<Wrk.Result> without = new ArrayList<>();
        Map<String, Double> rss;
        try (Services.RssSampler sampler = new Services.RssSampler(); JfrHandle j = jfr("overhead", "resource-service")) {
            for (int round = 1; round <= overheadRounds; round++) {
                without.add(check(wrk.run("overhead-noauth-" + round, benchUrl, "request.lua", benchEnv, duration)));
                withAuth.add(check(wrk.run("overhead-auth-" + round, authUrl, "request.lua", authEnv, duration)));
            }
            rss = sampler.max();
        }
        rssUnderLoad.put("1. GET contact (auth and no auth)", rss);
        // The two runs of a round are adjacent in time, so a round's ratio and difference are the robust numbers; the
        // median over rounds keeps one round disturbed by the machine from deciding the result.
        List<Double> ratios = new ArrayList<>();
        List<Double> addedP99 = new ArrayList<>();
        List<Double> addedP50 = new ArrayList<>();
        List<Wrk.Result> alternating = new ArrayList<>();
        for (int i = 0; i < overheadRounds; i++) {
            ratios.add(100 * withAuth.get(i).rps() / without.get(i).rps());
            addedP99.add(withAuth.get(i).p99Ms() - without.get(i).p99Ms());
            addedP50.add(withAuth.get(i).p50Ms() - without.get(i).p50Ms());
            alternating.add(without.get(i));
            alternating.add(withAuth.get(i));
        }
        md.append("## 1. Authentication overhead\n\n`GET /api/user/v1/contacts/{id}` with a valid Bearer token (the"
                + " decision cached in resource-service after the first request, as in production) vs the `bench`-build"
                + " endpoint `GET /bench/user/v1/contacts/{id}`: the same `ContactService.get` and response, the owner"
                + " from two headers, no `@Protected`. Same contact, JSON, 100,000 contacts in the table; runs"
                + " alternate (no auth, auth) for " + overheadRounds + " rounds.\n\n");
        table(alternating);
        md.append("\n| per round (auth vs no auth) | median of ").append(overheadRounds).append(" rounds | rounds | target |\n")
                .append("|---|---|---|---|\n")
                .append("| throughput with auth / without | ").append(f1(median(ratios))).append(" % | ")
                .append(joined(ratios, "%")).append(" | ≥ 85 % |\n")
                .append("| added p50 | ").append(f2(median(addedP50))).append(" ms | ").append(joined(addedP50, " ms"))
                .append(" | |\n")
                .append("| added p99 | ").append(f2(median(addedP99))).append(" ms | ").append(joined(addedP99, " ms"))
                .append(" | < 1 ms |\n\n");
        rssLine(rss);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String joined(List<Double> values, String unit) {
        return String.join(", ", values.stream().map(v -> f2(v) + unit).toList());
    }

    // ------------------------------------------------------------------------------------------------ 2. decisions

    private void decisions() throws Exception {
        log("decisions (warm)");
        String url = "http://127.0.0.1:" + port(platform.authUrl()) + "/api/internal/v1/decisions";
        UserToken warmToken = api.newUserToken(admin, org, "decision-user", "CONTACTS");
        String body = "{\"authorization\":\"Bearer " + warmToken.token()
                + "\",\"queryToken\":null,\"audience\":\"USER_API\",\"api\":\"CONTACTS\"}";
        String jsonHeaders = "Content-Type: application/json\nAccept: application/json";
        Map<String, String> warmEnv = Map.of("BENCH_METHOD", "POST", "BENCH_BODY", body, "BENCH_HEADERS", jsonHeaders);
        String first = Api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build()).body();
        if (!first.contains("\"ALLOW\"")) {
            throw new IllegalStateException("decision is not ALLOW: " + first);
        }
        wrk.run("decisions-warm-warmup", url, "request.lua", warmEnv, warmup);
        Wrk.Result warm;
        Map<String, Double> rssWarm;
        Map<String, Double> before = authMetrics();
        try (Services.RssSampler sampler = new Services.RssSampler(); JfrHandle j = jfr("decisions-warm", "auth-service")) {
            warm = check(wrk.run("decisions-warm", url, "request.lua", warmEnv, duration));
            rssWarm = sampler.max();
        }
        Map<String, Double> warmDelta = delta(before, authMetrics());
        rssUnderLoad.put("2. decisions, warm", rssWarm);

        // The same request without a credential: answered from memory with no hashing and no cache, the least work the
        // endpoint does. Its tail is what the machine, the HTTP stack and the collector add under this load shape.
        log("decisions (floor)");
        Map<String, String> floorEnv = Map.of("BENCH_METHOD", "POST", "BENCH_BODY", "{\"audience\":\"USER_API\"}",
                "BENCH_HEADERS", jsonHeaders);
        wrk.run("decisions-floor-warmup", url, "request.lua", floorEnv, Math.max(1, warmup / 2));
        Wrk.Result floor = check(wrk.run("decisions-floor", url, "request.lua", floorEnv, duration));

        log("issuing " + coldTokens + " USER tokens for the cold run");
        long t0 = System.nanoTime();
        Path tokens = issueTokens(coldTokens);
        double issueSeconds = (System.nanoTime() - t0) / 1e9;
        log("issued in " + f1(issueSeconds) + " s");
        Map<String, String> coldWarmEnv = Map.of("BENCH_TOKENS", tokens.toString(), "BENCH_TOKEN_FROM", "0",
                "BENCH_TOKEN_TO", Integer.toString(coldWarmupTokens));
        Map<String, String> coldEnv = Map.of("BENCH_TOKENS", tokens.toString(), "BENCH_TOKEN_FROM",
                Integer.toString(coldWarmupTokens), "BENCH_TOKEN_TO", Integer.toString(coldTokens));
        wrk.run("decisions-cold-warmup", url, "decide-cycle.lua", coldWarmEnv, 3);
        Wrk.Result cold;
        Map<String, Double> rssCold;
        before = authMetrics();
        try (Services.RssSampler sampler = new Services.RssSampler(); JfrHandle j = jfr("decisions-cold", "auth-service")) {
            cold = check(wrk.run("decisions-cold", url, "decide-cycle.lua", coldEnv, coldDuration));
            rssCold = sampler.max();
        }
        Map<String, Double> coldDelta = delta(before, authMetrics());
        rssUnderLoad.put("2. decisions, cold", rssCold);

        md.append("## 2. auth-service decisions\n\n`POST /api/internal/v1/decisions` straight to auth-service, body"
                + " `{\"authorization\":\"Bearer oc_...\",\"queryToken\":null,\"audience\":\"USER_API\",\"api\":\"CONTACTS\"}`,"
                + " every answer `200` with outcome ALLOW. *Warm*: one token repeated. *Cold*: ")
                .append(coldTokens).append(" real USER tokens issued through ticket-service beforehand (in ")
                .append(f1(issueSeconds)).append(" s); the first ").append(coldWarmupTokens)
                .append(" warm the JIT on the miss path (3 s), the measured run sends each of the other ")
                .append(coldTokens - coldWarmupTokens).append(" once (wrapping round only if the run outlasts"
                        + " them; the cache hits counted below show whether it did). Real tokens, not unknown ones,"
                        + " so that a cold decision does all of its work: checksum, lookup by id, SHA-256 and"
                        + " constant-time comparison, policy, cache insert.\n\n");
        table(List.of(warm, floor, cold));
        md.append("\n*Floor*: the warm run's request without a credential (`{\"audience\":\"USER_API\"}`, answered"
                + " UNAUTHENTICATED from memory: no hashing, no cache), the least work the endpoint does. Its p99 is"
                + " what the machine, the HTTP stack and the collector add under the same load shape.\n")
                .append("\n| | warm | floor | cold | target |\n|---|---|---|---|---|\n")
                .append("| decisions/s | ").append(f0(warm.rps())).append(" | ").append(f0(floor.rps())).append(" | ")
                .append(f0(cold.rps())).append(" | warm ≥ 15,000/s |\n| p99 | ").append(f2(warm.p99Ms()))
                .append(" ms | ").append(f2(floor.p99Ms())).append(" ms | ").append(f2(cold.p99Ms()))
                .append(" ms | warm < 6 ms |\n")
                .append("| auth-service cache hits / misses / credential lookups during the run | ")
                .append(metricTriple(warmDelta)).append(" | | ").append(metricTriple(coldDelta)).append(" | |\n\n");
        rssLine("the warm run", rssWarm);
        rssLine("the cold run", rssCold);
    }

    private Path issueTokens(int count) throws Exception {
        List<String> tokens = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(count, (String) null)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> tokens.set(index,
                        api.newUserToken(admin, org, "cold-user-" + index, "CONTACTS").token())));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Path file = out.resolve("cold-tokens.txt");
        Files.write(file, tokens);
        return file;
    }

    private Map<String, Double> authMetrics() {
        Map<String, Double> values = new HashMap<>();
        for (String line : Api.get(platform.authUrl() + "/q/metrics").split("\n")) {
            if (line.startsWith("onecloud_auth_cache_requests_total") || line.startsWith(
                    "onecloud_auth_credential_lookups_total")) {
                int space = line.lastIndexOf(' ');
                values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return values;
    }

    private static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> d = new HashMap<>();
        after.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0.0)));
        return d;
    }

    private static String metricTriple(Map<String, Double> d) {
        double hit = sum(d, "result=\"hit\"");
        double miss = sum(d, "result=\"miss\"");
        double lookups = sum(d, "onecloud_auth_credential_lookups_total");
        return f0(hit) + " / " + f0(miss) + " / " + f0(lookups);
    }

    private static double sum(Map<String, Double> d, String contains) {
        return d.entrySet().stream().filter(e -> e.getKey().contains(contains)).mapToDouble(Map.Entry::getValue).sum();
    }

    // ----------------------------------------------------------------------------------------------------- 3. CRUD

    private void crud() throws Exception {
        log("CRUD");
        String base = "http://127.0.0.1:" + port(platform.resourceUrl()) + "/api/user/v1/contacts";
        String auth = "Authorization: Bearer " + userToken.token();
        String json = "{\"firstName\":\"Bench\",\"lastName\":\"Created\",\"company\":\"OneCloud\","
                + "\"email\":\"created@example.com\",\"phoneNumber\":\"+493012345678\"}";
        String xml = "<contact><firstName>Bench</firstName><lastName>Created</lastName><company>OneCloud</company>"
                + "<email>created@example.com</email><phoneNumber>+493012345678</phoneNumber></contact>";
        Map<String, Map<String, String>> runs = new LinkedHashMap<>();
        runs.put("read JSON", Map.of("BENCH_HEADERS", auth + "\nAccept: application/json", "BENCH_ID_PREFIX",
                CONTACT_PREFIX, "BENCH_ID_COUNT", Integer.toString(contacts), "BENCH_BASE_PATH", "/api/user/v1/contacts/"));
        runs.put("read XML", Map.of("BENCH_HEADERS", auth + "\nAccept: application/xml", "BENCH_ID_PREFIX",
                CONTACT_PREFIX, "BENCH_ID_COUNT", Integer.toString(contacts), "BENCH_BASE_PATH", "/api/user/v1/contacts/"));
        runs.put("create JSON", Map.of("BENCH_METHOD", "POST", "BENCH_BODY", json, "BENCH_HEADERS",
                auth + "\nContent-Type: application/json\nAccept: application/json"));
        runs.put("create XML", Map.of("BENCH_METHOD", "POST", "BENCH_BODY", xml, "BENCH_HEADERS",
                auth + "\nContent-Type: application/xml\nAccept: application/xml"));
        List<Wrk.Result> results = new ArrayList<>();
        Map<String, Double> rss;
        try (Services.RssSampler sampler = new Services.RssSampler()) {
            for (Map.Entry<String, Map<String, String>> run : runs.entrySet()) {
                String script = run.getKey().startsWith("read") ? "random-contact.lua" : "request.lua";
                String name = "crud-" + run.getKey().replace(' ', '-');
                wrk.run(name + "-warmup", base, script, run.getValue(), Math.max(1, warmup / 2));
                try (JfrHandle j = jfr(name, "resource-service")) {
                    results.add(check(wrk.run(run.getKey(), base, script, run.getValue(), duration)));
                }
            }
            rss = sampler.max();
        }
        rssUnderLoad.put("3. CRUD", rss);
        md.append("## 3. CRUD with ").append(contacts).append(" contacts in the table\n\nAuthenticated as the user"
                + " who owns them (Bearer, decision cached). *read*: `GET /api/user/v1/contacts/{id}` of a random one"
                + " of the seeded contacts per request; *create*: `POST /api/user/v1/contacts` (201; the table grows"
                + " during the run). The issue sets no throughput target here; errors must be zero.\n\n");
        table(results);
        md.append('\n');
        rssLine(rss);
    }

    // ----------------------------------------------------------------------------------------------- 4. revocation

    /** One revocation as seen by one service. */
    record Refusal(double millis, int lastStatus, String authAt1s) {
    }

    private void revocation() throws Exception {
        log("revocation propagation (" + revocations + ")");
        String resource = platform.resourceUrl();
        String ticket = platform.ticketUrl();
        List<Refusal> atResource = new ArrayList<>();
        List<Refusal> atTicket = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // The first revocations (not counted) warm the JIT on the revoke, relay and eviction paths, as the
            // other measurements warm up before they count.
            for (int i = -revocationWarmup; i < revocations; i++) {
                UserToken token = api.newUserToken(admin, org, "prop-user-" + i, "CONTACTS");
                String bearer = "Bearer " + token.token();
                requireStatus(resource + "/api/user/v1/contacts?limit=1", Map.of("Authorization", bearer), 200);
                requireStatus(ticket + "/api/user/v1/tickets?limit=1", Map.of("Authorization", bearer), 200);
                api.revoke(admin, org, token.ticketId());
                long revoked = System.nanoTime();
                CompletableFuture<Refusal> r = CompletableFuture.supplyAsync(
                        () -> untilRefused(resource + "/api/user/v1/contacts?limit=1", bearer, revoked), pool);
                CompletableFuture<Refusal> t = CompletableFuture.supplyAsync(
                        () -> untilRefused(ticket + "/api/user/v1/tickets?limit=1", bearer, revoked), pool);
                if (i >= 0) {
                    atResource.add(r.get());
                    atTicket.add(t.get());
                } else {
                    CompletableFuture.allOf(r, t).get();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        md.append("## 4. Revocation propagation\n\n").append(revocations).append(" USER tokens (after ")
                .append(revocationWarmup).append(" uncounted ones as warm-up), one after the other:"
                + " issued, accepted once by resource-service (`GET /api/user/v1/contacts`) and ticket-service"
                + " (`GET /api/user/v1/tickets`) so that both hold the ALLOW decision in their cache, revoked"
                + " (`DELETE .../tickets/{id}`, 204); then both are polled back to back (one client each) and the time"
                + " from the revoke response to the first 401 is recorded (given up after ").append(REFUSAL_CAP_S)
                .append(" s, i.e. past the 30 s cache lifetime). The approach of system-tests'"
                + " RevocationPropagationIT, with more revocations and platform defaults (30 s caches).\n\n"
                + "| service | p50 | p90 | p99 | max | over 1 s | target |\n|---|---|---|---|---|---|---|\n");
        revocationRow("resource-service", atResource);
        revocationRow("ticket-service", atTicket);
        StringBuilder slow = new StringBuilder();
        for (int i = 0; i < revocations; i++) {
            for (Refusal x : List.of(atResource.get(i), atTicket.get(i))) {
                if (x.millis() > 1000) {
                    slow.append("- revocation ").append(i).append(", ").append(x == atResource.get(i)
                            ? "resource-service" : "ticket-service").append(": refused after ").append(f0(x.millis()))
                            .append(" ms; auth-service's own answer for the token 1 s after the revoke: ")
                            .append(x.authAt1s()).append('\n');
                }
            }
        }
        if (slow.length() > 0) {
            md.append("\nRevocations that took longer than 1 s:\n\n").append(slow);
        }
        Files.writeString(out.resolve("revocation-ms.txt"), "resource " + atResource + "\nticket " + atTicket + "\n");
        md.append('\n');
    }

    private static final int REFUSAL_CAP_S = 35;

    private void revocationRow(String service, List<Refusal> refusals) {
        List<Double> sorted = new ArrayList<>(refusals.stream().map(Refusal::millis).toList());
        Collections.sort(sorted);
        long over = sorted.stream().filter(v -> v > 1000).count();
        md.append("| ").append(service).append(" | ").append(f1(pct(sorted, 50))).append(" ms | ")
                .append(f1(pct(sorted, 90))).append(" ms | ").append(f1(pct(sorted, 99))).append(" ms | ")
                .append(f1(sorted.get(sorted.size() - 1))).append(" ms | ").append(over).append(" of ")
                .append(sorted.size()).append(" | p99 < 100 ms, max < 1 s |\n");
    }

    private static double pct(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private Refusal untilRefused(String url, String bearer, long revokedAt) {
        long deadline = revokedAt + Duration.ofSeconds(REFUSAL_CAP_S).toNanos();
        int status = 0;
        String authAt1s = "-";
        while (System.nanoTime() < deadline) {
            status = Api.getStatus(url, bearer);
            if (status == 401) {
                return new Refusal((System.nanoTime() - revokedAt) / 1e6, status, authAt1s);
            }
            if (authAt1s.equals("-") && System.nanoTime() - revokedAt > 1_000_000_000L) {
                authAt1s = decide(bearer);
            }
        }
        return new Refusal(REFUSAL_CAP_S * 1000.0, status, authAt1s);
    }

    private String decide(String authorization) {
        String body = "{\"authorization\":\"" + authorization
                + "\",\"queryToken\":null,\"audience\":\"USER_API\",\"api\":\"CONTACTS\"}";
        String answer = Api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(platform.authUrl()
                + "/api/internal/v1/decisions")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build()).body();
        Matcher m = Pattern.compile("\"outcome\"\\s*:\\s*\"([A-Z_]+)\"").matcher(answer);
        return m.find() ? m.group(1) : answer;
    }

    // ------------------------------------------------------------------------------------------------------- soak

    private void soak() throws Exception {
        if (soak <= 0) {
            md.append("## Soak\n\nSkipped (BENCH_SOAK=0).\n");
            return;
        }
        log("soak " + soak + " s");
        String base = "http://127.0.0.1:" + port(platform.resourceUrl()) + "/api/user/v1/contacts";
        Map<String, String> env = Map.of("BENCH_HEADERS", "Authorization: Bearer " + userToken.token()
                + "\nAccept: application/json", "BENCH_ID_PREFIX", CONTACT_PREFIX, "BENCH_ID_COUNT",
                Integer.toString(contacts), "BENCH_BASE_PATH", "/api/user/v1/contacts/");
        List<String> samples = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                List<String> row = new ArrayList<>();
                row.add(Long.toString(Math.round((System.nanoTime() - start) / 1e9)));
                for (String s : Services.NAMES) {
                    row.add(f0(Services.rssMiB(s)));
                }
                samples.add(String.join(" | ", row));
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "soak-sampler");
        sampler.setDaemon(true);
        sampler.start();
        Wrk.Result r;
        try (Services.RssSampler rss = new Services.RssSampler()) {
            r = check(wrk.run("soak", base, "random-contact.lua", env, soak));
            rssUnderLoad.put("soak", rss.max());
        } finally {
            sampler.interrupt();
        }
        List<String> end = new ArrayList<>();
        end.add(Long.toString(Math.round((System.nanoTime() - start) / 1e9)));
        for (String s : Services.NAMES) {
            end.add(f0(Services.rssMiB(s)));
        }
        samples.add(String.join(" | ", end));
        md.append("## Soak: ").append(soak).append(" s of authenticated random reads (JSON)\n\n");
        table(List.of(r));
        md.append("\nRSS (MiB) every 30 s during the run:\n\n| s | ticket-service | auth-service | resource-service |\n"
                + "|---|---|---|---|\n");
        for (String row : samples) {
            md.append("| ").append(row).append(" |\n");
        }
        md.append("\n## RSS under load (maximum VmRSS sampled every second, MiB; target < 250 MB)\n\n"
                + "| phase | ticket-service | auth-service | resource-service |\n|---|---|---|---|\n");
        rssUnderLoad.forEach((phase, rss) -> md.append("| ").append(phase).append(" | ")
                .append(f0(rss.getOrDefault("ticket-service", -1.0))).append(" | ")
                .append(f0(rss.getOrDefault("auth-service", -1.0))).append(" | ")
                .append(f0(rss.getOrDefault("resource-service", -1.0))).append(" |\n"));
    }

    /** Heap (and, with BENCH_NMT=1, native memory by category) of every service, written next to the results. */
    private void memoryDetails() throws IOException {
        md.append("\n## Memory details\n\n");
        for (String s : Services.NAMES) {
            long pid = Services.process(s).orElseThrow().pid();
            StringBuilder text = new StringBuilder();
            text.append(jcmd(pid, "GC.heap_info"));
            if (nmt) {
                text.append(jcmd(pid, "VM.native_memory", "summary"));
            }
            Files.writeString(out.resolve("memory-" + s + ".txt"), text);
            md.append("- ").append(s).append(": RSS ").append(f0(Services.rssMiB(s))).append(" MiB now; heap: ")
                    .append(heapLine(text.toString())).append(" (`memory-").append(s).append(".txt`)\n");
        }
    }

    private static String heapLine(String heapInfo) {
        Matcher m = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(heapInfo);
        long total = 0;
        long used = 0;
        while (m.find()) {
            total += Long.parseLong(m.group(1));
            used += Long.parseLong(m.group(2));
        }
        Matcher meta = Pattern.compile("Metaspace\\s+used (\\d+)K, committed (\\d+)K").matcher(heapInfo);
        String metaspace = meta.find() ? ", metaspace used " + Long.parseLong(meta.group(1)) / 1024 + " MiB committed "
                + Long.parseLong(meta.group(2)) / 1024 + " MiB" : "";
        return "committed " + total / 1024 + " MiB, used " + used / 1024 + " MiB" + metaspace;
    }

    static String jcmd(long pid, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd")
                .toString(), Long.toString(pid)));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    /** JFR on one service for the duration of a measurement, only with BENCH_JFR=1 (it costs throughput). */
    private JfrHandle jfr(String name, String service) {
        return jfr ? new Jfr(out, name, service) : () -> {
        };
    }

    interface JfrHandle extends AutoCloseable {
        @Override
        void close();
    }

    static final class Jfr implements JfrHandle {
        private final long pid;
        private final Path file;

        Jfr(Path out, String name, String service) {
            this.pid = Services.process(service).orElseThrow().pid();
            this.file = out.resolve("jfr-" + name + "-" + service + ".jfr");
            jcmd("JFR.start", "name=bench", "settings=profile", "filename=" + file);
        }

        @Override
        public void close() {
            jcmd("JFR.stop", "name=bench");
        }

        private void jcmd(String... args) {
            BenchmarkMain.jcmd(pid, args);
        }
    }

    private Wrk.Result check(Wrk.Result r) {
        if (r.errors() > 0) {
            errorsSeen.add("- " + r.name() + ": " + r.statusErrors() + " non-2xx, " + r.connectErrors() + " connect, "
                    + r.readErrors() + " read, " + r.writeErrors() + " write, " + r.timeouts() + " timeouts (of "
                    + r.requests() + " requests)");
        }
        return r;
    }

    private void table(List<Wrk.Result> results) {
        md.append("| run | requests | req/s | p50 | p90 | p99 | max | errors | load after |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (Wrk.Result r : results) {
            md.append("| ").append(r.name()).append(" | ").append(r.requests()).append(" | ").append(f0(r.rps()))
                    .append(" | ").append(f2(r.p50Ms())).append(" ms | ").append(f2(r.p90Ms())).append(" ms | ")
                    .append(f2(r.p99Ms())).append(" ms | ").append(f1(r.maxMs())).append(" ms | ").append(r.errors())
                    .append(" | ").append(r.loadAfter()).append(" |\n");
        }
    }

    private void rssLine(Map<String, Double> rss) {
        rssLine("these runs", rss);
    }

    private void rssLine(String what, Map<String, Double> rss) {
        md.append("Max RSS during ").append(what).append(": ");
        List<String> parts = new ArrayList<>();
        for (String s : Services.NAMES) {
            parts.add(s + " " + f0(rss.getOrDefault(s, -1.0)) + " MiB");
        }
        md.append(String.join(", ", parts)).append(".\n\n");
    }

    private static void requireStatus(String url, Map<String, String> headers, int expected) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Accept", "application/json");
        headers.forEach(b::header);
        java.net.http.HttpResponse<String> r = Api.send(b.build());
        if (r.statusCode() != expected) {
            throw new IllegalStateException("GET " + url + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    private static int port(String url) {
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** BENCH_PHASES (comma-separated: startup, overhead, decisions, crud, revocation, soak) limits the run. */
    private static boolean phase(String name) {
        String phases = System.getenv().getOrDefault("BENCH_PHASES", "");
        return phases.isBlank() || List.of(phases.split(",")).contains(name);
    }

    private static int env(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }

    private static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static void log(String message) {
        System.out.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + message);
    }
}
