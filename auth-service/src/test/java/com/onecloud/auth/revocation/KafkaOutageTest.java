package com.onecloud.auth.revocation;

import static com.onecloud.auth.support.Decisions.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.access.Audience;
import com.onecloud.access.PrincipalKind;
import com.onecloud.auth.credential.CredentialStore;
import com.onecloud.auth.support.CapturedLog;
import com.onecloud.auth.support.Listening;
import com.onecloud.auth.support.RevocationEvents;
import com.onecloud.auth.support.TicketDatabaseResource;
import com.onecloud.auth.support.Tickets;
import com.onecloud.auth.support.Tickets.Issued;
import com.onecloud.revocation.RevocationFeed;
import com.onecloud.testsupport.EmbeddedKafkaResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The broker goes away and comes back (with an empty log, as the embedded broker does): decisions go on meanwhile,
 * and once the broker is back, revocations evict again within a second, with no restart of auth-service.
 */
@QuarkusTest
@QuarkusTestResource(TicketDatabaseResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
class KafkaOutageTest {

    private static final Set<Api> ALL = Set.of(Api.CONTACTS, Api.USERS, Api.TICKETS);

    @Inject
    RevocationFeed listener;

    @Inject
    CredentialStore store;

    @AfterAll
    static void noCredentialWasLogged() {
        CapturedLog.assertNoIssuedCredential("cached entries evicted");
    }

    @Test
    void revocationsAreReceivedAgainAfterABrokerOutage() throws Exception {
        Listening.awaitAssignment(listener);
        Issued app = Tickets.issue(PrincipalKind.APPLICATION, ALL);
        assertThat(outcome(app.basic(), Audience.ADMIN_API, Api.USERS)).isEqualTo("ALLOW");

        Issued held = Tickets.issue(PrincipalKind.APPLICATION, ALL);
        assertThat(outcome(held.basic(), Audience.ADMIN_API, Api.USERS)).isEqualTo("ALLOW");
        assertThat(listener.isCurrent()).isTrue();

        long positioned = listener.positionsLost();
        EmbeddedKafkaResource.stopBroker();
        try {
            assertThatThrownBy(KafkaOutageTest::connectToBroker).as("the broker is really down")
                    .isInstanceOf(IOException.class);
            // Decisions do not depend on Kafka.
            Issued during = Tickets.issue(PrincipalKind.USER, ALL);
            assertThat(outcome(during.bearer(), Audience.USER_API, Api.CONTACTS)).isEqualTo("ALLOW");
            assertThat(outcome(app.basic(), Audience.ADMIN_API, Api.USERS)).isEqualTo("ALLOW");

            // Cut off, the feed is no longer current within its bound plus a heartbeat, and the cache stops trusting
            // what it verified before that bound: a credential revoked meanwhile (no event can arrive) is refused.
            long cutOff = System.nanoTime();
            await().atMost(Duration.ofSeconds(15)).until(() -> !listener.isCurrent());
            assertThat(Duration.ofNanos(System.nanoTime() - cutOff)).isLessThan(Duration.ofSeconds(12));
            Tickets.revokeInDatabase(held.ticketId());
            await().atMost(RevocationFeed.STALE_AFTER.plusSeconds(1)).pollInterval(Duration.ofMillis(100))
                    .until(() -> "UNAUTHENTICATED".equals(outcome(held.basic(), Audience.ADMIN_API, Api.USERS)));
            assertThat(listener.isRunning()).isTrue();
        } finally {
            EmbeddedKafkaResource.startBroker();
        }

        // The restarted broker lost its log and the group: the listener rejoins (or finds its position gone), moves to
        // the end and empties the cache. Until it has, events sent to the new log could land before its old position.
        await().atMost(Duration.ofSeconds(60)).until(() -> listener.positionsLost() > positioned);
        await().atMost(Duration.ofSeconds(30)).until(listener::isCurrent);
        try (RevocationEvents events = new RevocationEvents()) {
            // Wait until it also reads new events.
            Issued probe = Tickets.issue(PrincipalKind.USER, ALL);
            assertThat(outcome(probe.bearer(), Audience.USER_API, Api.CONTACTS)).isEqualTo("ALLOW");
            Tickets.revokeInDatabase(probe.ticketId());
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                events.publish(probe.ticketId(), RevocationEvents.revoked(probe, null, "REVOKED"));
                return "UNAUTHENTICATED".equals(outcome(probe.bearer(), Audience.USER_API, Api.CONTACTS));
            });

            // Rejoining the (empty) broker re-assigned the partitions: what was cached before is dropped, because
            // revocations sent while the listener was away may never arrive.
            long lookups = store.lookups();
            assertThat(outcome(app.basic(), Audience.ADMIN_API, Api.USERS)).isEqualTo("ALLOW");
            assertThat(store.lookups()).as("looked up again after the re-assignment").isEqualTo(lookups + 1);

            Tickets.revokeInDatabase(app.ticketId());
            assertThat(outcome(app.basic(), Audience.ADMIN_API, Api.USERS)).as("cached again").isEqualTo("ALLOW");
            assertThat(store.lookups()).isEqualTo(lookups + 1);
            events.publish(app.ticketId(), RevocationEvents.revoked(app, null, "REVOKED"));
            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                    .until(() -> "UNAUTHENTICATED".equals(outcome(app.basic(), Audience.ADMIN_API, Api.USERS)));
        }
    }

    private static void connectToBroker() throws IOException {
        String server = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        String[] hostPort = server.split(":");
        try (Socket socket = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
            socket.getPort();
        }
    }
}
