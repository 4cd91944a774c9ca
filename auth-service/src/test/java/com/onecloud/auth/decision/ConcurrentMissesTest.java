package com.onecloud.auth.decision;

import static com.onecloud.auth.support.Decisions.decide;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.access.Audience;
import com.onecloud.access.PrincipalKind;
import com.onecloud.access.credential.TokenFormat;
import com.onecloud.auth.support.DecisionTestBase;
import com.onecloud.auth.support.TicketDatabaseResource;
import com.onecloud.auth.support.Tickets;
import com.onecloud.auth.support.Tickets.Issued;
import com.onecloud.testsupport.EmbeddedKafkaResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Requests that miss the cache for the same credential at the same time share one lookup, whatever its answer. The
 * credential table is locked while they arrive, so every one of them misses while the first lookup is still waiting.
 */
@QuarkusTest
@QuarkusTestResource(TicketDatabaseResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
class ConcurrentMissesTest extends DecisionTestBase {

    private static final int REQUESTS = 16;
    private static final Pattern MISSES =
            Pattern.compile("onecloud_auth_cache_requests_total\\{result=\"miss\"} (\\S+)");

    @Test
    void concurrentMissesOfOneCredentialShareOneLookup() throws Exception {
        Issued user = Tickets.issue(PrincipalKind.USER, Set.of(Api.CONTACTS));
        long lookups = store.lookups();
        assertThat(decideAtOnce(user.bearer())).containsOnly("ALLOW");
        assertThat(store.lookups()).isEqualTo(lookups + 1);
    }

    @Test
    void concurrentMissesOfAnUnknownCredentialShareOneLookupToo() throws Exception {
        String unknown = TokenFormat.newToken(TokenFormat.newId());
        Tickets.remember(unknown, null);
        long lookups = store.lookups();
        assertThat(decideAtOnce("Bearer " + unknown)).containsOnly("UNAUTHENTICATED");
        assertThat(store.lookups()).isEqualTo(lookups + 1);
    }

    /** Sends the decision {@link #REQUESTS} times at once, every one of them while the credential table is locked. */
    private List<String> decideAtOnce(String authorization) throws Exception {
        double misses = misses();
        ExecutorService clients = Executors.newFixedThreadPool(REQUESTS);
        try (Connection db = Tickets.superuser(); Statement lock = db.createStatement()) {
            db.setAutoCommit(false);
            lock.execute("LOCK TABLE credential IN ACCESS EXCLUSIVE MODE");
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                outcomes.add(clients.submit(() -> decide(authorization, Audience.USER_API, Api.CONTACTS)
                        .extract().<String>path("outcome")));
            }
            // Every request has missed the cache while the lookup they share waits for the table.
            await().atMost(Duration.ofSeconds(10)).until(() -> misses() >= misses + REQUESTS);
            db.rollback();
            List<String> answers = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                answers.add(outcome.get(30, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            clients.shutdownNow();
        }
    }

    private static double misses() {
        Matcher m = MISSES.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
