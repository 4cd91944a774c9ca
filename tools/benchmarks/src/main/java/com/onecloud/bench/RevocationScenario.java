package com.onecloud.bench;

import static com.onecloud.bench.Report.f0;
import static com.onecloud.bench.Report.f1;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.onecloud.bench.Api.UserToken;

/**
 * Revocation propagation: how long after a revocation each service that held the token's ALLOW decision in its cache
 * refuses the token, one revocation at a time.
 */
record RevocationScenario(BenchRun run, Seed seed) implements Scenario {

    /** Past the services' 30 s decision cache: a revocation not seen by then never would be. */
    private static final int REFUSAL_CAP_S = 35;
    private static final Pattern OUTCOME = Pattern.compile("\"outcome\"\\s*:\\s*\"([A-Z_]+)\"");

    /** One revocation as seen by one service (its toString is the raw line in revocation-ms.txt). */
    record Refusal(double millis, int lastStatus, String authAt1s) {
    }

    @Override
    public String phase() {
        return "revocation";
    }

    @Override
    public void measure() throws Exception {
        int revocations = run.config().revocations();
        int revocationWarmup = run.config().revocationWarmup();
        Log.info("revocation propagation (" + revocations + ")");
        String resource = run.platform().resourceUrl();
        String ticket = run.platform().ticketUrl();
        List<Refusal> atResource = new ArrayList<>();
        List<Refusal> atTicket = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // The first revocations (not counted) warm the JIT on the revoke, relay and eviction paths, as the
            // other measurements warm up before they count.
            for (int i = -revocationWarmup; i < revocations; i++) {
                UserToken token = seed.api().newUserToken(seed.admin(), seed.org(), "prop-user-" + i, "CONTACTS");
                String bearer = "Bearer " + token.token();
                Api.requireStatus(resource + "/api/user/v1/contacts?limit=1", Map.of("Authorization", bearer), 200);
                Api.requireStatus(ticket + "/api/user/v1/tickets?limit=1", Map.of("Authorization", bearer), 200);
                seed.api().revoke(seed.admin(), seed.org(), token.ticketId());
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
        Report report = run.report();
        report.append("## 4. Revocation propagation\n\n").append(revocations).append(" USER tokens (after ")
                .append(revocationWarmup).append(" uncounted ones as warm-up), one after the other:"
                + " issued, accepted once by resource-service (`GET /api/user/v1/contacts`) and ticket-service"
                + " (`GET /api/user/v1/tickets`) so that both hold the ALLOW decision in their cache, revoked"
                + " (`DELETE .../tickets/{id}`, 204); then both are polled back to back (one client each) and the time"
                + " from the revoke response to the first 401 is recorded (given up after ").append(REFUSAL_CAP_S)
                .append(" s, i.e. past the 30 s cache lifetime). The approach of system-tests'"
                + " RevocationPropagationIT, with more revocations and platform defaults (30 s caches).\n\n"
                + "| service | p50 | p90 | p99 | max | over 1 s | target |\n|---|---|---|---|---|---|---|\n");
        row(report, "resource-service", atResource);
        row(report, "ticket-service", atTicket);
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
            report.append("\nRevocations that took longer than 1 s:\n\n").append(slow);
        }
        Files.writeString(run.folder().resolve("revocation-ms.txt"), "resource " + atResource + "\nticket " + atTicket
                + "\n");
        report.append('\n');
    }

    private static void row(Report report, String service, List<Refusal> refusals) {
        List<Double> sorted = new ArrayList<>(refusals.stream().map(Refusal::millis).toList());
        Collections.sort(sorted);
        long over = sorted.stream().filter(v -> v > 1000).count();
        report.append("| ").append(service).append(" | ").append(f1(pct(sorted, 50))).append(" ms | ")
                .append(f1(pct(sorted, 90))).append(" ms | ").append(f1(pct(sorted, 99))).append(" ms | ")
                .append(f1(sorted.get(sorted.size() - 1))).append(" ms | ").append(over).append(" of ")
                .append(sorted.size()).append(" | p99 < 100 ms, max < 1 s |\n");
    }

    private static double pct(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    /**
     * Polls with the revoked token until the service refuses it. If that takes over a second, asks auth-service once
     * what it answers for the token, which tells a late event from a service that cached a stale ALLOW again.
     */
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
                authAt1s = outcome(bearer);
            }
        }
        return new Refusal(REFUSAL_CAP_S * 1000.0, status, authAt1s);
    }

    private String outcome(String authorization) {
        String answer = Api.decide(run.platform().authUrl() + "/api/internal/v1/decisions",
                Api.decisionRequest(authorization));
        Matcher m = OUTCOME.matcher(answer);
        return m.find() ? m.group(1) : answer;
    }
}
