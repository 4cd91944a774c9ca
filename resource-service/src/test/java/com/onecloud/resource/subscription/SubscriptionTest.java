package com.onecloud.resource.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.access.credential.TokenFormat;
import com.onecloud.authclient.DecisionCache;
import com.onecloud.events.CloudEvent;
import com.onecloud.events.TicketRevoked;
import com.onecloud.events.TicketRotated;
import com.onecloud.events.Topics;
import com.onecloud.resource.support.Credentials;
import com.onecloud.resource.support.Credentials.Credential;
import com.onecloud.resource.support.Fixtures;
import com.onecloud.revocation.RevocableCache;
import com.onecloud.subscriptions.StreamGuard;
import com.onecloud.testsupport.AuthServiceDouble;
import com.onecloud.testsupport.EmbeddedKafkaResource;
import com.onecloud.testsupport.EventStream;
import com.onecloud.testsupport.EventStream.Event;
import com.onecloud.testsupport.Json;
import com.onecloud.testsupport.ResourceDatabase;

import io.quarkus.arc.All;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A GET with {@code Accept: text/event-stream} streams a collection's changes (contract §4, "Subscriptions"): each
 * collection's created, updated and deleted events with the item as the API shows it, only to those who may list it,
 * resumable after the last event's id, and cut with {@code unauthorized} when the credential is revoked.
 */
@QuarkusTest
@QuarkusTestResource(AuthServiceDouble.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(ResourceDatabase.class)
class SubscriptionTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TestHTTPResource("/")
    URL base;

    @Inject
    @All
    List<RevocableCache> caches;

    @AfterAll
    static void noCredentialWasLogged() {
        Credentials.assertNoneLogged();
    }

    @Test
    void aUserReceivesTheChangesOfTheirContactsAndNobodyElses() {
        String org = Fixtures.organization("Subscribing users");
        Credential alice = Credentials.user(org, Fixtures.user(org, "Alice", "A", Fixtures.email("alice"), null),
                Api.CONTACTS);
        Credential bob = Credentials.user(org, Fixtures.user(org, "Bob", "B", Fixtures.email("bob"), null),
                Api.CONTACTS);
        try (EventStream mine = open("api/user/v1/contacts", alice, null);
                EventStream theirs = open("api/user/v1/contacts", bob, null)) {
            assertThat(mine.status()).isEqualTo(200);
            assertThat(mine.header("Content-Type")).startsWith("text/event-stream");
            assertThat(mine.header("X-Accel-Buffering")).isEqualTo("no");

            String id = alice.spec().contentType("application/json").body(Map.of("firstName", "Carol"))
                    .post("/api/user/v1/contacts").then().statusCode(201).extract().path("id");
            alice.spec().contentType("application/json").body(Map.of("firstName", "Caroline", "version", 0))
                    .put("/api/user/v1/contacts/{id}", id).then().statusCode(200);
            alice.spec().delete("/api/user/v1/contacts/{id}", id).then().statusCode(204);

            List<Event> events = mine.next(3, WAIT);
            assertThat(events).extracting(Event::name).containsExactly("created", "updated", "deleted");
            assertThat(events.get(0).json().path("type").asText()).isEqualTo("created");
            assertThat(events.get(0).json().path("item").path("firstName").asText()).isEqualTo("Carol");
            assertThat(events.get(1).json().path("item").path("firstName").asText()).isEqualTo("Caroline");
            assertThat(events.get(1).json().path("item").path("version").asLong()).isEqualTo(1);
            assertThat(events.get(2).json().path("item").size()).as("a deletion names only the id").isEqualTo(1);
            assertThat(events).extracting(Event::itemId).containsOnly(id);
            assertThat(events).extracting(Event::id).doesNotContainNull().doesNotHaveDuplicates();
            assertThat(theirs.next(Duration.ofSeconds(1))).as("another user's contacts").isNull();
        }
    }

    @Test
    void anIdleStreamGetsHeartbeatComments() throws InterruptedException {
        String org = Fixtures.organization("Idle subscriber");
        Credential user = Credentials.user(org, Fixtures.user(org, "Idle", "I", Fixtures.email("idle"), null),
                Api.CONTACTS);
        try (EventStream stream = open("api/user/v1/contacts", user, null)) {
            Thread.sleep(2_500);
            assertThat(stream.comments()).isGreaterThanOrEqualTo(1);
            assertThat(stream.next(Duration.ZERO)).as("comments are no events").isNull();
        }
    }

    @Test
    void thePlainGetStaysAPageWhateverElseTheCollectionServes() {
        String org = Fixtures.organization("Plain lists");
        Credential user = Credentials.user(org, Fixtures.user(org, "Plain", "P", Fixtures.email("plain"), null),
                Api.CONTACTS);
        user.spec().get("/api/user/v1/contacts").then().statusCode(200).contentType("application/json")
                .body("total", equalTo(0));
        user.spec().accept("*/*").get("/api/user/v1/contacts").then().statusCode(200)
                .contentType("application/json");
        user.spec().accept("application/xml").get("/api/user/v1/contacts").then().statusCode(200)
                .contentType("application/xml");
        user.spec().accept("text/event-stream").get("/api/user/v1/contacts/search?q=a").then().statusCode(400)
                .body("validationResult[0].field", equalTo("Accept"));
    }

    @Test
    void aResumedStreamGetsWhatItMissedOnceAndAnUnknownIdStartsWithReset() {
        String org = Fixtures.organization("Resuming");
        Credential user = Credentials.user(org, Fixtures.user(org, "Re", "Sume", Fixtures.email("resume"), null),
                Api.CONTACTS);
        String first;
        try (EventStream stream = open("api/user/v1/contacts", user, null)) {
            createContact(user, "One");
            first = stream.next(1, WAIT).get(0).id();
        }
        String two = createContact(user, "Two");
        String three = createContact(user, "Three");
        try (EventStream resumed = open("api/user/v1/contacts", user, first)) {
            List<Event> missed = resumed.next(2, WAIT);
            assertThat(missed).extracting(Event::itemId).containsExactly(two, three);
            String four = createContact(user, "Four");
            assertThat(resumed.next(1, WAIT).get(0).itemId()).isEqualTo(four);
            assertThat(resumed.next(Duration.ofMillis(500))).as("nothing twice").isNull();
        }
        try (EventStream unknown = open("api/user/v1/contacts", user, "not-an-id")) {
            assertThat(unknown.next(1, WAIT).get(0).name()).isEqualTo("reset");
            String five = createContact(user, "Five");
            assertThat(unknown.next(1, WAIT).get(0).itemId()).isEqualTo(five);
        }
        String tooOld = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((Topics.CONTACT_EVENTS + "/0/999999999").getBytes(StandardCharsets.UTF_8));
        try (EventStream future = open("api/user/v1/contacts", user, tooOld)) {
            assertThat(future.next(1, WAIT).get(0).name()).as("a position Kafka does not hold").isEqualTo("reset");
        }
    }

    @Test
    void anotherUsersIdReplaysNothingOfTheirs() {
        String org = Fixtures.organization("Tenancy on resume");
        Credential alice = Credentials.user(org, Fixtures.user(org, "Al", "Ice", Fixtures.email("al"), null),
                Api.CONTACTS);
        Credential mallory = Credentials.user(org, Fixtures.user(org, "Mal", "Lory", Fixtures.email("mal"), null),
                Api.CONTACTS);
        String aliceId;
        try (EventStream stream = open("api/user/v1/contacts", alice, null)) {
            createContact(alice, "Secret one");
            aliceId = stream.next(1, WAIT).get(0).id();
        }
        createContact(alice, "Secret two");
        try (EventStream replay = open("api/user/v1/contacts", mallory, aliceId)) {
            assertThat(replay.status()).isEqualTo(200);
            String own = createContact(mallory, "Own");
            assertThat(replay.next(1, WAIT).get(0).itemId()).isEqualTo(own);
        }
    }

    @Test
    void administratorsFollowUsersAndOrganizations() {
        String org = Fixtures.organization("Followed");
        Credential app = Credentials.application(org, Api.USERS);
        Credential superuser = Credentials.superuser();
        try (EventStream users = open("api/admin/v1/organizations/" + org + "/users", app, null);
                EventStream orgs = open("api/admin/v1/organizations", superuser, null)) {
            String userId = Fixtures.user(org, "New", "Comer", Fixtures.email("new"), null);
            superuser.spec().delete("/api/admin/v1/organizations/{org}/users/{id}", org, userId).then().statusCode(204);
            List<Event> userEvents = users.next(2, WAIT);
            assertThat(userEvents).extracting(Event::name).containsExactly("created", "deleted");
            assertThat(userEvents.get(0).json().path("item").path("organizationId").asText()).isEqualTo(org);
            assertThat(userEvents).extracting(Event::itemId).containsOnly(userId);

            String other = Fixtures.organization("Followed too");
            superuser.spec().contentType("application/json").body(Map.of("name", "Renamed", "version", 0))
                    .put("/api/admin/v1/organizations/{id}", other).then().statusCode(200);
            superuser.spec().delete("/api/admin/v1/organizations/{id}", other).then().statusCode(204);
            // Earlier changes to organizations (this test's own among them) may still come out of the outbox first.
            List<Event> orgEvents = orgs.nextAbout(other, 3, WAIT);
            assertThat(orgEvents).extracting(Event::name).containsExactly("created", "updated", "deleted");
            assertThat(orgEvents.get(1).json().path("item").path("name").asText()).isEqualTo("Renamed");
        }
        Credential stranger = Credentials.application(Fixtures.organization("Stranger"), Api.USERS);
        try (EventStream refused = open("api/admin/v1/organizations/" + org + "/users", stranger, null)) {
            assertThat(refused.status()).as("another organization's users read as missing").isEqualTo(404);
            assertThat(refused.body()).contains("logToken");
        }
        try (EventStream refused = open("api/admin/v1/organizations", app, null)) {
            assertThat(refused.status()).isEqualTo(403);
        }
        try (EventStream refused = open("api/user/v1/contacts", null, null)) {
            assertThat(refused.status()).isEqualTo(401);
        }
    }

    @Test
    void aRevokedCredentialsStreamIsToldAndClosedWithinASecond() throws Exception {
        String org = Fixtures.organization("Revoked subscriber");
        Credential user = Credentials.user(org, Fixtures.user(org, "Cut", "Off", Fixtures.email("cut"), null),
                Api.CONTACTS);
        try (EventStream stream = open("api/user/v1/contacts", user, null)) {
            assertThat(stream.status()).isEqualTo(200);
            String ticketId = TokenFormat.credentialId(user.token()).orElseThrow();
            AuthServiceDouble.revoke(user.token());
            Instant revoked = Instant.now();
            publish(Topics.TICKET_REVOKED, ticketId, new TicketRevoked(ticketId, null, org, null, "USER",
                    Instant.now(), "REVOKED"));
            Event told = stream.next(1, WAIT).get(0);
            assertThat(told.name()).isEqualTo("unauthorized");
            assertThat(stream.next(WAIT)).isEqualTo(EventStream.END);
            assertThat(Duration.between(revoked, Instant.now())).isLessThan(Duration.ofSeconds(1));
        }
    }

    /** The guard checks a stream registered after its authorization against what the decision cache heard first. */
    @Test
    void theDecisionCacheHearsOfEachRevocationBeforeTheStreamGuard() {
        assertThat(position(DecisionCache.class)).isNotNegative().isLessThan(position(StreamGuard.class));
    }

    private int position(Class<?> type) {
        return IntStream.range(0, caches.size()).filter(i -> type.isInstance(caches.get(i))).findFirst().orElse(-1);
    }

    /** A stream opened after the rotation was heard has no rotation to hear: it ends with the grace all the same. */
    @Test
    void aStreamOpenedWithAReplacedCredentialDuringItsGraceEndsWithTheGrace() throws Exception {
        String org = Fixtures.organization("Rotated subscriber");
        Credential user = Credentials.user(org, Fixtures.user(org, "Ro", "Tated", Fixtures.email("ro"), null),
                Api.CONTACTS);
        String ticketId = TokenFormat.credentialId(user.token()).orElseThrow();
        Instant graceEnds = Instant.now().plusSeconds(3);
        try (EventStream before = open("api/user/v1/contacts", user, null)) {
            assertThat(before.status()).isEqualTo(200);
            publish(Topics.TICKET_ROTATED, ticketId, new TicketRotated(ticketId, "replacement-" + ticketId, org, null,
                    "USER", Instant.now(), graceEnds));
            // Time for the feed to hear it; were it slower, the rotation would reach both streams alike.
            Thread.sleep(1000);
            try (EventStream during = open("api/user/v1/contacts", user, null)) {
                assertThat(during.status()).as("the replaced credential works until the grace ends").isEqualTo(200);
                for (EventStream stream : List.of(before, during)) {
                    Event told = stream.next(Duration.between(Instant.now(), graceEnds).plusSeconds(1));
                    assertThat(told).as("told at the grace's end").isNotNull();
                    assertThat(told.name()).isEqualTo("unauthorized");
                    assertThat(stream.next(WAIT)).isEqualTo(EventStream.END);
                }
                assertThat(Instant.now()).isBefore(graceEnds.plusSeconds(1));
            }
        }
    }

    @Test
    void switchingTheUserApiOffCutsTheOrganizationsUserStreams() {
        String org = Fixtures.organization("Deactivated subscriber");
        Credential user = Credentials.user(org, Fixtures.user(org, "De", "Activated", Fixtures.email("de"), null),
                Api.CONTACTS);
        try (EventStream stream = open("api/user/v1/contacts", user, null)) {
            assertThat(stream.status()).isEqualTo(200);
            Credentials.superuser().spec().contentType("application/json")
                    .body(Map.of("name", "Deactivated subscriber", "userApiEnabled", false, "version", 0))
                    .put("/api/admin/v1/organizations/{id}", org).then().statusCode(200);
            Event told = stream.next(1, WAIT).get(0);
            assertThat(told.name()).isEqualTo("unauthorized");
            assertThat(told.json().path("detail").asText()).contains("User API");
            assertThat(stream.next(WAIT)).isEqualTo(EventStream.END);
        }
    }

    private EventStream open(String path, Credential credential, String lastEventId) {
        Map<String, String> headers = new HashMap<>();
        if (credential != null) {
            headers.put("Authorization", credential.secret() == null ? "Bearer " + credential.token()
                    : "Basic " + Base64.getEncoder().encodeToString((credential.token() + ":" + credential.secret())
                            .getBytes(StandardCharsets.UTF_8)));
        }
        if (lastEventId != null) {
            headers.put("Last-Event-ID", lastEventId);
        }
        return EventStream.open(base + path, headers);
    }

    private static String createContact(Credential user, String firstName) {
        return user.spec().contentType("application/json").body(Map.of("firstName", firstName))
                .post("/api/user/v1/contacts").then().statusCode(201).extract().path("id");
    }

    /** Publishes a ticket event as ticket-service would. */
    private static void publish(String type, String ticketId, Object data) throws Exception {
        CloudEvent<Object> event = CloudEvent.of("/onecloud/ticket-service", type, ticketId, Instant.now(), data);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaResource.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.TICKET_EVENTS, ticketId, Json.MAPPER.writeValueAsString(event)))
                    .get();
        }
    }
}
