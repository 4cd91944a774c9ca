package com.onecloud.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.onecloud.platform.Platform;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The whole life of a credential across the real processes (contract §2–§4, §6): the bootstrap SUPERUSER issues an
 * APPLICATION ticket and a USER token; each authenticates in its presentation forms; rotation with grace; revocation
 * refused within a second by auth-service and by a caching client service; the revocation event on Kafka; and no
 * credential in any service log.
 */
@Order(2)
class CredentialLifeIT {

    private static Platform platform;
    private static final List<String> issued = Clients.ISSUED;

    @BeforeAll
    static void startPlatform() {
        platform = Clients.platform();
    }

    private static RequestSpecification asSuperuser() {
        return given().baseUri(platform.ticketUrl()).auth().preemptive()
                .basic(platform.bootstrapToken(), platform.bootstrapSecret()).accept("application/json");
    }

    private static RequestSpecification asApplication(String token, String secret) {
        return given().baseUri(platform.ticketUrl()).auth().preemptive().basic(token, secret)
                .accept("application/json");
    }

    private static Response create(RequestSpecification as, String org, String body) {
        Response r = as.contentType("application/json").body(body)
                .post("/api/admin/v1/organizations/" + org + "/tickets");
        r.then().statusCode(201).header("Location", notNullValue());
        issued.add(r.jsonPath().getString("token"));
        if (r.jsonPath().getString("secret") != null) {
            issued.add(r.jsonPath().getString("secret"));
        }
        return r;
    }

    @Test
    void theLifeOfACredential() throws Exception {
        String org = Clients.newOrganization("Credential life " + UUID.randomUUID());

        // The bootstrap superuser issues an APPLICATION ticket; token and secret are returned once.
        Response app = create(asSuperuser(), org,
                "{\"name\":\"crm\",\"kind\":\"APPLICATION\",\"apis\":[\"USERS\",\"TICKETS\"]}");
        String appId = app.jsonPath().getString("id");
        String appToken = app.jsonPath().getString("token");
        String appSecret = app.jsonPath().getString("secret");
        assertThat(appToken).startsWith("oc_");
        asSuperuser().get("/api/admin/v1/organizations/" + org + "/tickets/" + appId).then().statusCode(200)
                .body("token", nullValue()).body("secret", nullValue()).body("status", equalTo("ACTIVE"));

        // The application, in its Basic form, issues a USER token in its own organization.
        Response user = create(asApplication(appToken, appSecret), org,
                "{\"name\":\"alice phone\",\"kind\":\"USER\",\"userId\":\"alice\",\"apis\":[\"CONTACTS\"]}");
        String userTicketId = user.jsonPath().getString("id");
        String userToken = user.jsonPath().getString("token");
        assertThat(user.jsonPath().getString("secret")).isNull();

        // The USER token works as Bearer and as ?t=, at ticket-service and at the decision point.
        given().baseUri(platform.ticketUrl()).auth().oauth2(userToken).get("/api/user/v1/tickets")
                .then().statusCode(200);
        given().baseUri(platform.ticketUrl()).queryParam("t", userToken).get("/api/user/v1/tickets")
                .then().statusCode(200);
        assertThat(Clients.decision(platform.authUrl(), "Bearer " + userToken, "USER_API", "CONTACTS"))
                .isEqualTo("ALLOW");

        // Tenancy: the application sees nothing of another organization.
        asApplication(appToken, appSecret).get("/api/admin/v1/organizations/other-org/tickets/" + userTicketId)
                .then().statusCode(404);

        // Rotation with a short grace: both credentials work, then only the new one.
        Response rotated = asApplication(appToken, appSecret).contentType("application/json")
                .body("{\"graceSeconds\":2}")
                .post("/api/admin/v1/organizations/" + org + "/tickets/" + appId + "/rotation");
        rotated.then().statusCode(200);
        String newToken = rotated.jsonPath().getString("token");
        String newSecret = rotated.jsonPath().getString("secret");
        issued.add(newToken);
        issued.add(newSecret);
        asApplication(newToken, newSecret).get("/api/admin/v1/organizations/" + org + "/tickets").then()
                .statusCode(200);
        asApplication(appToken, appSecret).get("/api/admin/v1/organizations/" + org + "/tickets").then()
                .statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() ->
                asApplication(appToken, appSecret).get("/api/admin/v1/organizations/" + org + "/tickets")
                        .statusCode() == 401);
        asApplication(newToken, newSecret).get("/api/admin/v1/organizations/" + org + "/tickets").then()
                .statusCode(200);

        // Revocation: refused everywhere within a second of the revoke returning.
        given().baseUri(platform.ticketUrl()).auth().oauth2(userToken).get("/api/user/v1/tickets")
                .then().statusCode(200);
        asApplication(newToken, newSecret)
                .delete("/api/admin/v1/organizations/" + org + "/tickets/" + userTicketId).then().statusCode(204);
        long revoked = System.nanoTime();
        Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(10)).until(() ->
                given().baseUri(platform.ticketUrl()).auth().oauth2(userToken).get("/api/user/v1/tickets")
                        .statusCode() == 401);
        assertThat(Duration.ofNanos(System.nanoTime() - revoked)).isLessThan(Duration.ofSeconds(1));
        assertThat(Clients.decision(platform.authUrl(), "Bearer " + userToken, "USER_API", "CONTACTS"))
                .isEqualTo("UNAUTHENTICATED");
        asApplication(newToken, newSecret).get("/api/admin/v1/organizations/" + org + "/tickets/" + userTicketId)
                .then().statusCode(200).body("status", equalTo("REVOKED"));
        asApplication(newToken, newSecret)
                .delete("/api/admin/v1/organizations/" + org + "/tickets/" + userTicketId).then().statusCode(204);

        // The revocation event, as a subscriber outside the platform sees it.
        JsonNode event = Events.await(userTicketId, Events.REVOKED, Duration.ofSeconds(20));
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("type").asText()).isEqualTo("onecloud.ticket.revoked.v1");
        assertThat(event.path("subject").asText()).isEqualTo(userTicketId);
        assertThat(event.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(event.path("data").path("organizationId").asText()).isEqualTo(org);
        assertThat(event.path("data").path("userId").asText()).isEqualTo("alice");
        assertThat(event.toString()).doesNotContain(userToken);

        Clients.assertNoCredentialInLogs();
    }
}
