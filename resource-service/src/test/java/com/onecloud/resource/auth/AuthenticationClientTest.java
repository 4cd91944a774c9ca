package com.onecloud.resource.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.access.Principal;
import com.onecloud.access.PrincipalKind;
import com.onecloud.access.credential.TokenFormat;
import com.onecloud.events.ActivationChanged;
import com.onecloud.events.CloudEvent;
import com.onecloud.events.TicketRevoked;
import com.onecloud.events.Topics;
import com.onecloud.testsupport.AuthServiceDouble;
import com.onecloud.testsupport.EmbeddedKafkaResource;
import com.onecloud.testsupport.Json;
import com.onecloud.testsupport.ResourceDatabase;
import com.onecloud.testsupport.UsageReports;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * The shared client side of authentication, in a real service: decisions come from auth-service (here its double,
 * kept honest by DecisionContract), are cached, are evicted by revocation events from a real Kafka broker, and the
 * service fails closed when no decision can be had.
 */
@QuarkusTest
@QuarkusTestResource(AuthServiceDouble.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(ResourceDatabase.class)
class AuthenticationClientTest {

    private static final String USER_PROBE = "/api/user/v1/probe";
    private static final String ADMIN_PROBE = "/api/admin/v1/probe";

    @BeforeEach
    void resetAndAwaitRevocations() {
        AuthServiceDouble.reset();
        CircuitBreakerMaintenance.get().resetAll();
        // Ready means the revocation consumer has its partitions, so no event of the test can be missed.
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    @AfterEach
    void reset() {
        AuthServiceDouble.reset();
        CircuitBreakerMaintenance.get().resetAll();
    }

    private static String userToken(Set<Api> apis) {
        String token = TokenFormat.newToken(TokenFormat.newId());
        String ticketId = TokenFormat.newId();
        AuthServiceDouble.register(token, null, new Principal(PrincipalKind.USER, ticketId, ticketId, "org-1",
                "user-" + ticketId, apis, Instant.now().plusSeconds(3600)));
        return token;
    }

    @Test
    void readinessReportsTheRevocationConsumer() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("revocation-events"));
    }

    @Test
    void noCredentialIs401OfferingBothSchemes() {
        given().accept("application/json").get(USER_PROBE).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer realm=\"onecloud\""))
                .header("WWW-Authenticate", containsString("Basic realm=\"onecloud\""))
                .header("Warning", containsString("703 resource-service"));
    }

    @Test
    void aValidBearerTokenReachesTheEndpointAsItsPrincipal() {
        String token = userToken(Set.of(Api.CONTACTS));
        given().auth().oauth2(token).get(USER_PROBE).then().statusCode(200).body("kind", equalTo("USER"));
    }

    @Test
    void theQueryTokenFormWorksToo() {
        String token = userToken(Set.of(Api.CONTACTS));
        given().queryParam("t", token).get(USER_PROBE).then().statusCode(200);
    }

    @Test
    void aRepeatedCredentialIsServedFromTheLocalCache() {
        String token = userToken(Set.of(Api.CONTACTS));
        given().auth().oauth2(token).get(USER_PROBE).then().statusCode(200);
        int asked = AuthServiceDouble.requestCount();
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).get(USER_PROBE).then().statusCode(200);
        }
        assertThat(AuthServiceDouble.requestCount()).isEqualTo(asked);
    }

    @Test
    void requestsArrivingTogetherShareOneDecision() throws Exception {
        String token = userToken(Set.of(Api.CONTACTS));
        AuthServiceDouble.setMode(AuthServiceDouble.Mode.SLOW);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> statuses = clients.invokeAll(Collections.nCopies(8,
                    () -> given().auth().oauth2(token).get(USER_PROBE).statusCode()));
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(AuthServiceDouble.requestCount()).as("8 requests within %d ms of each other, one decision",
                AuthServiceDouble.SLOW_ANSWER_MILLIS).isEqualTo(1);
    }

    @Test
    void anInvalidTokenIs401InvalidToken() {
        given().auth().oauth2(TokenFormat.newToken(TokenFormat.newId())).get(USER_PROBE).then().statusCode(401)
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""));
    }

    @Test
    void twoCredentialsAre400InvalidRequest() {
        String token = userToken(Set.of(Api.CONTACTS));
        given().auth().oauth2(token).queryParam("t", token).get(USER_PROBE).then().statusCode(400)
                .header("WWW-Authenticate", containsString("error=\"invalid_request\""))
                .body("validationResult.field", hasItem("Authorization"));
    }

    @Test
    void aRepeatedHeaderOrQueryTokenIs400EvenWhenTheFirstIsCached() {
        String token = userToken(Set.of(Api.CONTACTS));
        given().auth().oauth2(token).get(USER_PROBE).then().statusCode(200);
        given().header("Authorization", "Bearer " + token).header("Authorization", "Bearer " + token)
                .get(USER_PROBE).then().statusCode(400)
                .header("WWW-Authenticate", containsString("error=\"invalid_request\""));
        given().queryParam("t", token, userToken(Set.of(Api.CONTACTS))).get(USER_PROBE).then().statusCode(400)
                .header("WWW-Authenticate", containsString("error=\"invalid_request\""));
    }

    @Test
    void aMalformedTokenIs401WithoutAskingTheDecisionPoint() {
        AuthServiceDouble.setMode(AuthServiceDouble.Mode.HANGING);
        String valid = TokenFormat.newToken(TokenFormat.newId());
        String wrongChecksum = valid.substring(0, valid.length() - 1) + (valid.endsWith("A") ? "B" : "A");
        for (String bad : List.of("oc_nope", wrongChecksum)) {
            given().auth().oauth2(bad).get(USER_PROBE).then().statusCode(401)
                    .header("WWW-Authenticate", containsString("error=\"invalid_token\""));
        }
        assertThat(AuthServiceDouble.requestCount()).isZero();
    }

    @Test
    void aHungDecisionPointCostsOnlyTheFirstRequestsTheirTimeout() {
        String token = userToken(Set.of(Api.CONTACTS));
        AuthServiceDouble.setMode(AuthServiceDouble.Mode.HANGING);
        int waited = 0;
        for (int i = 0; i < 6; i++) {
            long started = System.nanoTime();
            given().auth().oauth2(token).get(USER_PROBE).then().statusCode(503).header("Retry-After", notNullValue());
            if (Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMillis(1000)) >= 0) {
                waited++;
            }
        }
        assertThat(waited).as("requests that waited for the timeout before the breaker opened").isLessThanOrEqualTo(2);
    }

    @Test
    void aUserTokenOnTheAdminApiIs403InsufficientScope() {
        String token = userToken(Set.of(Api.CONTACTS, Api.USERS));
        given().auth().oauth2(token).get(ADMIN_PROBE).then().statusCode(403)
                .header("WWW-Authenticate", containsString("error=\"insufficient_scope\""))
                .body("status", equalTo(403));
    }

    @Test
    void anApplicationTicketWorksOnTheAdminApi() {
        String token = TokenFormat.newToken(TokenFormat.newId());
        String secret = TokenFormat.newSecret();
        AuthServiceDouble.register(token, secret, new Principal(PrincipalKind.APPLICATION, "app", "app", "org-1",
                null, Set.of(Api.USERS), null));
        given().auth().preemptive().basic(token, secret).get(ADMIN_PROBE).then().statusCode(200)
                .body("kind", equalTo("APPLICATION"));
    }

    @Test
    void aRevocationEventEvictsTheCachedDecisionWithinOneSecond() throws Exception {
        String ticketId = TokenFormat.newId();
        String token = registeredUserToken(ticketId);
        given().auth().oauth2(token).get(USER_PROBE).then().statusCode(200);
        given().auth().oauth2(token).get(USER_PROBE).then().statusCode(200);

        AuthServiceDouble.revoke(token);
        // Still cached: only the event makes the service ask again.
        given().auth().oauth2(token).get(USER_PROBE).then().statusCode(200);
        publishRevocation(ticketId);
        long published = System.nanoTime();
        Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> given().auth().oauth2(token).get(USER_PROBE).statusCode() == 401);
        assertThat(Duration.ofNanos(System.nanoTime() - published)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void anAllowFromADecisionPointThatHasNotSeenTheRevocationYetIsRefused() throws Exception {
        String ticketId = TokenFormat.newId();
        String token = registeredUserToken(ticketId);
        given().auth().oauth2(token).get(USER_PROBE).then().statusCode(200);

        // The double still answers ALLOW, as auth-service would from its cache before its consumer sees the event.
        publishRevocation(ticketId);
        Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> given().auth().oauth2(token).get(USER_PROBE).statusCode() == 401);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get(USER_PROBE).then().statusCode(401);
        }
    }

    @Test
    void decisionsServedFromTheCacheAreCountedAsTheTicketsUsage() {
        String ticketId = TokenFormat.newId();
        String token = registeredUserToken(ticketId);
        for (int i = 0; i < 4; i++) {
            given().auth().oauth2(token).get(USER_PROBE).then().statusCode(200);
        }
        // The first was decided by auth-service, which counts it; the other three were served from the cache here.
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> UsageReports.total(ticketId, "allowed") == 3);
    }

    @Test
    void anActivationSwitchedOffIsRefusedWithinOneSecondEvenByADecisionPointThatHasNotSeenItAndOnAgainAllows()
            throws Exception {
        String org = "org-" + TokenFormat.newId();
        String token = TokenFormat.newToken(TokenFormat.newId());
        String secret = TokenFormat.newSecret();
        AuthServiceDouble.register(token, secret, new Principal(PrincipalKind.APPLICATION, "app", "app", org, null,
                Set.of(Api.USERS), null));
        String user = TokenFormat.newToken(TokenFormat.newId());
        AuthServiceDouble.register(user, null, new Principal(PrincipalKind.USER, "u1", "u1", org, "u1",
                Set.of(Api.CONTACTS), null));
        given().auth().preemptive().basic(token, secret).get(ADMIN_PROBE).then().statusCode(200);
        given().auth().oauth2(user).get(USER_PROBE).then().statusCode(200);

        // The double keeps allowing, as auth-service would until its own consumer sees the change.
        publishActivation(org, false, true, 4);
        Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> given().auth().preemptive().basic(token, secret).get(ADMIN_PROBE).statusCode() == 403);
        given().auth().preemptive().basic(token, secret).get(ADMIN_PROBE).then().statusCode(403)
                .body("detail", containsString("Admin API"));
        given().auth().oauth2(user).get(USER_PROBE).then().statusCode(200);

        publishActivation(org, true, true, 5);
        Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> given().auth().preemptive().basic(token, secret).get(ADMIN_PROBE).statusCode() == 200);
    }

    private static void publishActivation(String org, boolean adminApi, boolean userApi, long version)
            throws Exception {
        publish(org, Json.MAPPER.writeValueAsString(CloudEvent.of("/onecloud/ticket-service",
                Topics.ACTIVATION_CHANGED, org, Instant.now(),
                new ActivationChanged(org, null, adminApi, userApi, version, Instant.now()))));
    }

    @Test
    void theOldCredentialIsRefusedAtTheEndOfItsGraceEvenByADecisionPointThatHasNotSeenIt() throws Exception {
        String ticketId = TokenFormat.newId();
        String oldToken = TokenFormat.newToken(TokenFormat.newId());
        String newToken = TokenFormat.newToken(TokenFormat.newId());
        AuthServiceDouble.register(oldToken, null, new Principal(PrincipalKind.USER, ticketId, ticketId, "org-1", "u1",
                Set.of(Api.CONTACTS), null, "c-old"));
        AuthServiceDouble.register(newToken, null, new Principal(PrincipalKind.USER, ticketId, ticketId, "org-1", "u1",
                Set.of(Api.CONTACTS), null, "c-new"));
        given().auth().oauth2(oldToken).get(USER_PROBE).then().statusCode(200);
        given().auth().oauth2(newToken).get(USER_PROBE).then().statusCode(200);

        // The double still answers ALLOW for the old credential, as auth-service would from its cache.
        publish(ticketId, Json.MAPPER.writeValueAsString(CloudEvent.of("/onecloud/ticket-service",
                Topics.TICKET_REVOKED, ticketId, Instant.now(), new TicketRevoked(ticketId, "c-old", "org-1", "u1",
                        "USER", Instant.now(), "ROTATION_GRACE_ENDED"))));
        Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> given().auth().oauth2(oldToken).get(USER_PROBE).statusCode() == 401);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(oldToken).get(USER_PROBE).then().statusCode(401);
        }
        given().auth().oauth2(newToken).get(USER_PROBE).then().statusCode(200);
    }

    @Test
    void aRevocationDeliveredTwiceEvictsOnlyItsTicketAndLaterEventsStillArrive() throws Exception {
        String revokedTicket = TokenFormat.newId();
        String revoked = registeredUserToken(revokedTicket);
        String bystander = registeredUserToken(TokenFormat.newId());
        given().auth().oauth2(revoked).get(USER_PROBE).then().statusCode(200);
        given().auth().oauth2(bystander).get(USER_PROBE).then().statusCode(200);

        // At-least-once delivery: the very same event, twice.
        AuthServiceDouble.revoke(revoked);
        String event = revocationEvent(revokedTicket);
        publish(revokedTicket, event, event);
        Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> given().auth().oauth2(revoked).get(USER_PROBE).statusCode() == 401);

        int decisionCalls = AuthServiceDouble.requestCount();
        given().auth().oauth2(bystander).get(USER_PROBE).then().statusCode(200);
        assertThat(AuthServiceDouble.requestCount()).as("the bystander is still served from the cache")
                .isEqualTo(decisionCalls);

        String laterTicket = TokenFormat.newId();
        String later = registeredUserToken(laterTicket);
        given().auth().oauth2(later).get(USER_PROBE).then().statusCode(200);
        AuthServiceDouble.revoke(later);
        publishRevocation(laterTicket);
        Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> given().auth().oauth2(later).get(USER_PROBE).statusCode() == 401);
    }

    @Test
    void theDecisionPointFailingAnswers503AndLetsNothingThrough() {
        String token = userToken(Set.of(Api.CONTACTS));
        AuthServiceDouble.setMode(AuthServiceDouble.Mode.FAILING);
        given().auth().oauth2(token).get(USER_PROBE).then().statusCode(503)
                .header("Retry-After", notNullValue())
                .contentType("application/problem+json")
                .header("Warning", containsString("703 resource-service"));
    }

    @Test
    void theDecisionPointHangingAnswers503WithinTheTimeout() {
        String token = userToken(Set.of(Api.CONTACTS));
        AuthServiceDouble.setMode(AuthServiceDouble.Mode.HANGING);
        long started = System.nanoTime();
        given().auth().oauth2(token).get(USER_PROBE).then().statusCode(503).header("Retry-After", notNullValue());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void credentialsNeverReachTheLog() throws Exception {
        String token = userToken(Set.of(Api.CONTACTS));
        given().auth().oauth2(token).get(USER_PROBE).then().statusCode(200);
        given().queryParam("t", token).get(USER_PROBE).then().statusCode(200);
        given().auth().oauth2(token).queryParam("t", token).get(USER_PROBE).then().statusCode(400);
        String basic = "Basic " + Base64.getEncoder().encodeToString((token + ":x").getBytes(StandardCharsets.UTF_8));
        given().header("Authorization", basic).get(USER_PROBE).then().statusCode(401);
        Path log = Path.of("target/resource-service-test.log");
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> Files.exists(log) && Files.readString(log).contains("status=401"));
        assertThat(Files.readString(log)).doesNotContain(token)
                .doesNotContain(basic.substring("Basic ".length()));
    }

    private static String registeredUserToken(String ticketId) {
        String token = TokenFormat.newToken(TokenFormat.newId());
        AuthServiceDouble.register(token, null, new Principal(PrincipalKind.USER, ticketId, ticketId, "org-1", "u1",
                Set.of(Api.CONTACTS), null));
        return token;
    }

    private static void publishRevocation(String ticketId) throws Exception {
        publish(ticketId, revocationEvent(ticketId));
    }

    private static String revocationEvent(String ticketId) throws Exception {
        CloudEvent<TicketRevoked> event = CloudEvent.of("/onecloud/ticket-service", Topics.TICKET_REVOKED, ticketId,
                Instant.now(), new TicketRevoked(ticketId, null, "org-1", "u1", "USER", Instant.now(), "REVOKED"));
        return Json.MAPPER.writeValueAsString(event);
    }

    private static void publish(String ticketId, String... values) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaResource.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(Topics.TICKET_EVENTS, ticketId, value)).get();
            }
        }
    }
}
