package com.onecloud.system;

import static com.onecloud.system.Clients.app;
import static com.onecloud.system.Clients.platform;
import static com.onecloud.system.Clients.user;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.onecloud.system.Clients.AppTicket;
import com.onecloud.system.Clients.UserToken;

import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;

/**
 * The README walkthrough across the real processes: the superuser creates an organization and an APPLICATION ticket; the
 * application creates users and issues a USER token; the user manages contacts in JSON and XML and searches; the
 * application sees the user token's usage; the application's ticket is rotated and revoked; a deleted user's token
 * stops working (directory event → revocation).
 */
@Order(1)
class PlatformStoryIT {

    @Test
    void fromANewOrganizationToADeletedUser() {
        String resource = platform().resourceUrl();
        String ticket = platform().ticketUrl();
        String suffix = UUID.randomUUID().toString().substring(0, 8);

        String org = Clients.newOrganization("Story " + suffix);
        AppTicket crm = Clients.newApplication(org, "USERS", "TICKETS");
        String alice = Clients.newUser(crm, org, "Alice", "Andersson", "alice." + suffix + "@example.com");
        Clients.newUser(crm, org, "Bob", "Berg", "bob." + suffix + "@example.com");
        UserToken aliceToken = Clients.newUserToken(crm, org, alice, "CONTACTS");

        // Alice's personal contacts, in JSON and in XML.
        user(resource, aliceToken.token()).contentType("application/json")
                .body(Map.of("firstName", "Carol", "lastName", "Carlsson", "company", "Acme",
                        "phoneNumber", "+358401234567"))
                .post("/api/user/v1/contacts").then().statusCode(201).body("firstName", equalTo("Carol"));
        Response xml = user(resource, aliceToken.token()).accept("application/xml").contentType("application/xml")
                .body("<contact><firstName>Dave</firstName><email>dave@example.com</email></contact>")
                .post("/api/user/v1/contacts");
        xml.then().statusCode(201);
        assertThat(XmlPath.from(xml.asString()).getString("contact.firstName")).isEqualTo("Dave");
        user(resource, aliceToken.token()).get("/api/user/v1/contacts").then().statusCode(200)
                .body("total", equalTo(2));

        // Search: a personal contact and a directory user.
        user(resource, aliceToken.token()).queryParam("q", "carl").get("/api/user/v1/contacts/search")
                .then().statusCode(200).body("items.type", hasItem("PERSONAL"));
        user(resource, aliceToken.token()).queryParam("q", "BERG").get("/api/user/v1/contacts/search")
                .then().statusCode(200).body("items.type", hasItem("DIRECTORY"))
                .body("items.firstName", hasItem("Bob"));

        // Usage: Alice's five requests, counted where each was decided (auth-service, or a caller's cache) and reported
        // every 10 s; the ticket's administrators see them per day and as its last use.
        String aliceTicket = "/api/admin/v1/organizations/" + org + "/tickets/" + aliceToken.ticketId();
        Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                app(ticket, crm).get(aliceTicket + "/usage").then().statusCode(200)
                        .body("days.allowed", contains(5)).body("days.invalid", contains(0)));
        app(ticket, crm).get(aliceTicket).then().statusCode(200).body("lastUsedAt", notNullValue());

        // The application's ticket is rotated, then revoked: the new credential stops working.
        AppTicket crm2 = Clients.rotate(ticket, crm, org, crm.id(), 0);
        app(resource, crm2).get("/api/admin/v1/organizations/" + org + "/users").then().statusCode(200);
        AppTicket admin = Clients.newApplication(org, "USERS", "TICKETS");
        app(ticket, admin).delete("/api/admin/v1/organizations/" + org + "/tickets/" + crm.id())
                .then().statusCode(204);
        Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).until(() ->
                app(resource, crm2).get("/api/admin/v1/organizations/" + org + "/users").statusCode() == 401);

        // The benchmark-only unauthenticated endpoint does not exist in the packaged (production) build.
        given().baseUri(resource).header("X-Bench-Organization", org)
                .header("X-Bench-User", alice).get("/bench/user/v1/contacts/any").then().statusCode(404);

        // Deleting Alice revokes her token, through directory-events and ticket-service.
        user(resource, aliceToken.token()).get("/api/user/v1/contacts").then().statusCode(200);
        app(resource, admin).delete("/api/admin/v1/organizations/" + org + "/users/" + alice).then().statusCode(204);
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() ->
                user(resource, aliceToken.token()).get("/api/user/v1/contacts").statusCode() == 401);
        app(ticket, admin).get("/api/admin/v1/organizations/" + org + "/tickets/" + aliceToken.ticketId())
                .then().statusCode(200).body("status", equalTo("REVOKED"));
    }
}
