package com.onecloud.ticket.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.testsupport.AuthServiceDouble;
import com.onecloud.testsupport.EmbeddedKafkaResource;
import com.onecloud.testsupport.EmbeddedPostgresResource;
import com.onecloud.testsupport.TicketDatabase;
import com.onecloud.ticket.support.Callers;
import com.onecloud.ticket.support.Callers.Caller;
import com.onecloud.ticket.support.Db;
import com.onecloud.ticket.support.IssuedCredentials;
import com.onecloud.ticket.support.TopicReader;
import com.onecloud.ticket.support.TopicReader.Event;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * One replica at a time publishes the outbox (per-key order): while another replica holds the relay's advisory lock,
 * this one publishes nothing, and it publishes the pending event as soon as the lock is released.
 */
@QuarkusTest
@QuarkusTestResource(TicketDatabase.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(AuthServiceDouble.class)
class OutboxRelayLockTest {

    /** The relay's lock key ("outbox" in ASCII), as another replica's relay would take it. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    @Test
    void aRevocationWaitsWhileAnotherReplicaHoldsTheRelayLockAndIsPublishedOnceItIsReleased() throws Exception {
        String org = Callers.newOrganization();
        Caller admin = Callers.application(org, Api.TICKETS);
        String base = "/api/admin/v1/organizations/" + org + "/tickets";
        JsonPath ticket = admin.json().contentType("application/json")
                .body(Map.of("name", "locked relay", "kind", "USER", "userId", "carol", "apis", List.of("CONTACTS")))
                .post(base).then().statusCode(201).extract().jsonPath();
        IssuedCredentials.remember(ticket.getString("token"), null);
        String id = ticket.getString("id");
        Predicate<Event> revoked = e -> e.type().equals("onecloud.ticket.revoked.v1") && id.equals(e.key());

        try (TopicReader topic = new TopicReader("ticket-events"); Connection otherReplica = connect()) {
            otherReplica.setAutoCommit(false);
            try (Statement lock = otherReplica.createStatement()) {
                lock.execute("SELECT pg_advisory_xact_lock(" + RELAY_LOCK + ")");
            }
            admin.json().delete(base + "/" + id).then().statusCode(204);

            assertThat(topic.within(revoked, Duration.ofSeconds(2))).isEmpty();
            assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE event_key = ? AND published_at IS NULL "
                    + "AND payload LIKE '%onecloud.ticket.revoked.v1%'", id)).isEqualTo(1);

            otherReplica.commit();
            assertThat(topic.await(revoked, 1, Duration.ofSeconds(20))).hasSize(1);
        }
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(EmbeddedPostgresResource.jdbcUrl(),
                EmbeddedPostgresResource.USER, EmbeddedPostgresResource.PASSWORD);
    }
}
