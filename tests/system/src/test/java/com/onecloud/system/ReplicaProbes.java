package com.onecloud.system;

import static com.onecloud.system.Clients.app;
import static com.onecloud.system.Clients.platform;
import static com.onecloud.system.Clients.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntSupplier;

import com.onecloud.platform.Platform;
import com.onecloud.system.Clients.AppTicket;
import com.onecloud.system.Clients.UserToken;

import io.restassured.specification.RequestSpecification;

/**
 * One credential asked of every replica of every service: each replica of ticket- and resource-service addressed
 * directly, each auth-service replica through its decision API.
 */
final class ReplicaProbes {

    static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    /** One replica's answer to one credential: 200 while it allows the credential, 401 once it refuses it. */
    record Probe(String replica, IntSupplier status) {
    }

    private ReplicaProbes() {
    }

    /** The probes of a USER token: its own tickets at ticket-service, its contacts at resource-service. */
    static List<Probe> of(UserToken token) {
        return of(base -> user(base, token.token()), "/api/user/v1/tickets", "/api/user/v1/contacts",
                "Bearer " + token.token(), "USER_API", "CONTACTS");
    }

    /** The probes of an APPLICATION ticket: its organization's tickets and users. */
    static List<Probe> of(String org, AppTicket ticket) {
        String basic = Base64.getEncoder()
                .encodeToString((ticket.token() + ":" + ticket.secret()).getBytes(StandardCharsets.UTF_8));
        return of(base -> app(base, ticket), "/api/admin/v1/organizations/" + org + "/tickets",
                "/api/admin/v1/organizations/" + org + "/users", "Basic " + basic, "ADMIN_API", "USERS");
    }

    /** A probe per replica of each service: a GET of the path, and at auth-service a decision on the credential. */
    private static List<Probe> of(Function<String, RequestSpecification> as, String ticketPath, String resourcePath,
            String authorization, String audience, String api) {
        List<Probe> probes = new ArrayList<>();
        for (int i = 1; i <= platform().replicas(); i++) {
            String ticket = replica(Platform.TICKET, i);
            String resource = replica(Platform.RESOURCE, i);
            String auth = replica(Platform.AUTH, i);
            probes.add(new Probe(Platform.TICKET + " " + i, () -> as.apply(ticket).get(ticketPath).statusCode()));
            probes.add(new Probe(Platform.RESOURCE + " " + i,
                    () -> as.apply(resource).get(resourcePath).statusCode()));
            probes.add(new Probe(Platform.AUTH + " " + i, () -> switch (Clients.decision(auth, authorization,
                    audience, api)) {
                case "ALLOW" -> 200;
                case "UNAUTHENTICATED" -> 401;
                case "FORBIDDEN" -> 403;
                default -> 400;
            }));
        }
        return probes;
    }

    static String replica(String service, int replica) {
        return platform().urls(service).get(replica - 1);
    }

    /** Every replica allows the credential now, and so holds the ALLOW decision in its cache. */
    static void allowedEverywhere(List<Probe> probes) {
        for (Probe probe : probes) {
            assertThat(probe.status().getAsInt()).as(probe.replica() + " allows the credential").isEqualTo(200);
        }
    }

    /**
     * Polls every replica at once, each every {@link #POLL_INTERVAL}, until it answers 401; returns when each did,
     * in the probes' order (null for a replica that still had not refused after {@code giveUp}).
     */
    static Map<String, Instant> firstRefusals(List<Probe> probes, Duration giveUp) throws Exception {
        return firstAnswers(probes, 401, giveUp);
    }

    /** {@link #firstRefusals} for another status: when each replica first answered {@code status}. */
    static Map<String, Instant> firstAnswers(List<Probe> probes, int status, Duration giveUp) throws Exception {
        Instant end = Instant.now().plus(giveUp);
        ExecutorService pool = Executors.newFixedThreadPool(probes.size());
        try {
            Map<String, Future<Instant>> pending = new LinkedHashMap<>();
            for (Probe probe : probes) {
                pending.put(probe.replica(), pool.submit(() -> {
                    while (Instant.now().isBefore(end)) {
                        if (probe.status().getAsInt() == status) {
                            return Instant.now();
                        }
                        Thread.sleep(POLL_INTERVAL.toMillis());
                    }
                    return null;
                }));
            }
            Map<String, Instant> refusals = new LinkedHashMap<>();
            for (Map.Entry<String, Future<Instant>> entry : pending.entrySet()) {
                refusals.put(entry.getKey(), entry.getValue().get());
            }
            return refusals;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Milliseconds from {@code start} to each refusal; {@code never} for a replica that did not refuse. */
    static Map<String, Long> sinceThen(Instant start, Map<String, Instant> refusals, Duration never) {
        Map<String, Long> millis = new LinkedHashMap<>();
        refusals.forEach((replica, refused) -> millis.put(replica,
                refused == null ? never.toMillis() : Duration.between(start, refused).toMillis()));
        return millis;
    }

    static void assertEachWithin(Map<String, Long> millis, Duration bound) {
        assertThat(millis).as("ms to the first expected answer, by replica")
                .allSatisfy((replica, ms) -> assertThat(ms).as(replica).isLessThan(bound.toMillis()));
    }
}
