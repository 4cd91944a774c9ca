package com.onecloud.system;

import static com.onecloud.system.Clients.app;
import static com.onecloud.system.Clients.platform;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.onecloud.system.Clients.AppTicket;

/** Races that must have exactly one winner, against the real service and database. */
@Order(4)
class ConcurrencyIT {

    private static final int RACERS = 12;

    @Test
    void parallelCreationsWithOneEmailYieldExactlyOneUser() throws Exception {
        String org = Clients.newOrganization("Race " + UUID.randomUUID());
        AppTicket app = Clients.newApplication(org, "USERS");
        String email = "same-" + UUID.randomUUID() + "@example.com";
        List<Integer> statuses = race(() -> app(platform().resourceUrl(), app).contentType("application/json")
                .body(Map.of("firstName", "Same", "lastName", "Person", "email", email))
                .post("/api/admin/v1/organizations/" + org + "/users").statusCode());
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    }

    @Test
    void parallelUpdatesOfOneVersionYieldExactlyOneSuccess() throws Exception {
        String org = Clients.newOrganization("Race " + UUID.randomUUID());
        AppTicket app = Clients.newApplication(org, "USERS");
        String userId = Clients.newUser(app, org, "Vera", "Version", "vera-" + UUID.randomUUID() + "@example.com");
        String etag = app(platform().resourceUrl(), app).get("/api/admin/v1/organizations/" + org + "/users/" + userId)
                .then().statusCode(200).extract().header("ETag");
        List<Integer> statuses = race(() -> app(platform().resourceUrl(), app).contentType("application/json")
                .header("If-Match", etag)
                .body(Map.of("firstName", "Vera-" + UUID.randomUUID(), "lastName", "Version",
                        "email", "vera-" + UUID.randomUUID() + "@example.com"))
                .put("/api/admin/v1/organizations/" + org + "/users/" + userId).statusCode());
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    }

    /** Runs the call from {@link #RACERS} threads released at the same instant; returns every status. */
    private static List<Integer> race(Callable<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
