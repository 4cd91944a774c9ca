package com.onecloud.auth.usage;

import static com.onecloud.auth.support.Decisions.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.onecloud.access.Api;
import com.onecloud.access.Audience;
import com.onecloud.access.PrincipalKind;
import com.onecloud.access.credential.TokenFormat;
import com.onecloud.auth.credential.CredentialStore;
import com.onecloud.auth.support.TicketDatabaseResource;
import com.onecloud.auth.support.Tickets;
import com.onecloud.auth.support.Tickets.Issued;
import com.onecloud.testsupport.EmbeddedKafkaResource;
import com.onecloud.testsupport.UsageReports;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Contract §4 usage at the decision point: each decision on a ticket counts as allowed, forbidden (403) or invalid
 * (wrong secret, revoked), in memory, and reaches {@code usage-events} in a report per interval (1 s in tests) rather
 * than one write per request.
 */
@QuarkusTest
@QuarkusTestResource(TicketDatabaseResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
class UsageCountingTest {

    private static final Duration REPORTED = Duration.ofSeconds(15);

    @Inject
    CredentialStore store;

    @Test
    void everyKindOfDecisionIsCountedForItsTicket() {
        Issued app = Tickets.issue(PrincipalKind.APPLICATION, Set.of(Api.USERS));
        assertThat(outcome(app.basic(), Audience.ADMIN_API, Api.USERS)).isEqualTo("ALLOW");
        assertThat(outcome(app.basic(), Audience.ADMIN_API, Api.USERS)).as("from the cache").isEqualTo("ALLOW");
        assertThat(outcome(app.basic(), Audience.ADMIN_API, Api.TICKETS)).isEqualTo("FORBIDDEN");
        assertThat(outcome(Issued.basic(app.token(), TokenFormat.newSecret()), Audience.ADMIN_API, Api.USERS))
                .as("wrong secret").isEqualTo("UNAUTHENTICATED");
        Issued revoked = Tickets.issue(PrincipalKind.USER, Set.of(Api.CONTACTS));
        Tickets.revokeInDatabase(revoked.ticketId());
        assertThat(outcome(revoked.bearer(), Audience.USER_API, Api.CONTACTS)).isEqualTo("UNAUTHENTICATED");

        await().atMost(REPORTED).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(UsageReports.total(app.ticketId(), "allowed")).isEqualTo(2);
            assertThat(UsageReports.total(app.ticketId(), "forbidden")).isEqualTo(1);
            assertThat(UsageReports.total(app.ticketId(), "invalid")).isEqualTo(1);
            assertThat(UsageReports.total(revoked.ticketId(), "invalid")).isEqualTo(1);
        });
        JsonNode used = UsageReports.all().stream().flatMap(r -> stream(r.path("tickets")))
                .filter(t -> app.ticketId().equals(t.path("ticketId").asText()) && t.path("allowed").asLong() > 0)
                .findFirst().orElseThrow();
        assertThat(used.path("lastUsedAt").asText()).isNotEmpty();
        assertThat(UsageReports.all().toString()).as("no credential in a report")
                .doesNotContain(app.token(), app.secret(), revoked.token());
    }

    @Test
    void aBurstOfDecisionsIsReportedInAFewReportsWithoutALookupOrAWritePerRequest() {
        Issued user = Tickets.issue(PrincipalKind.USER, Set.of(Api.CONTACTS));
        assertThat(outcome(user.bearer(), Audience.USER_API, Api.CONTACTS)).isEqualTo("ALLOW");
        int reportsBefore = UsageReports.all().size();
        long lookups = store.lookups();
        long started = System.nanoTime();
        int burst = 300;
        for (int i = 0; i < burst; i++) {
            outcome(user.bearer(), Audience.USER_API, Api.CONTACTS);
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertThat(store.lookups()).as("no database read per request").isEqualTo(lookups);

        await().atMost(REPORTED).pollInterval(Duration.ofMillis(500))
                .until(() -> UsageReports.total(user.ticketId(), "allowed") == burst + 1);
        // One report per interval at most (1 s here), whatever the number of requests.
        List<JsonNode> reports = UsageReports.all();
        long reportsOfTheBurst = reports.subList(reportsBefore, reports.size()).stream()
                .filter(r -> stream(r.path("tickets")).anyMatch(t -> user.ticketId().equals(t.path("ticketId").asText())))
                .count();
        assertThat(reportsOfTheBurst).isLessThanOrEqualTo(seconds + 3);
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
