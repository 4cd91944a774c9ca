package com.onecloud.system;

import static com.onecloud.system.Clients.app;
import static com.onecloud.system.Clients.platform;
import static com.onecloud.system.Clients.superuser;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.onecloud.system.Clients.AppTicket;
import com.onecloud.system.Clients.UserToken;

import io.restassured.path.json.JsonPath;
import io.restassured.path.xml.XmlPath;

/**
 * The audit trail of the README walkthrough's credentials across the real processes: the organization (created in
 * resource-service), the application ticket, the user (resource-service again) and the user's token, and the token's
 * revocation, each with its actor, read through ticket-service's API in JSON and XML, and the entries on audit-events.
 */
@Order(7)
class AuditTrailIT {

    @Test
    void theWalkthroughsChangesAreInTheOrganizationsTrailWithTheirActors() {
        String ticket = platform().ticketUrl();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String org = Clients.newOrganization("Audit " + suffix);
        AppTicket crm = Clients.newApplication(org, "USERS", "TICKETS");
        String alice = Clients.newUser(crm, org, "Alice", "Audit", "alice." + suffix + "@example.com");
        UserToken token = Clients.newUserToken(crm, org, alice, "CONTACTS");
        app(ticket, crm).delete("/api/admin/v1/organizations/" + org + "/tickets/" + token.ticketId()).then()
                .statusCode(204);

        String trail = "/api/admin/v1/organizations/" + org + "/audit";
        // resource-service's entries reach ticket-service's trail through audit-events.
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                app(ticket, crm).get(trail).jsonPath().getInt("total") == 5);
        String body = app(ticket, crm).get(trail).then().statusCode(200).extract().asString();
        JsonPath page = JsonPath.from(body);
        assertThat(page.getList("items.action")).containsExactly("ticket.revoked", "ticket.created", "user.created",
                "ticket.created", "organization.created");
        assertThat(page.getList("items.target.id")).containsExactly(token.ticketId(), token.ticketId(), alice,
                crm.id(), org);
        assertThat(page.getList("items.organizationId")).containsOnly(org);
        assertThat(page.getList("items.sourceAddress")).doesNotContainNull();
        // The application made the user, the user's token and its revocation; the superuser the rest.
        assertThat(page.getList("items.actor.kind")).containsExactly("APPLICATION", "APPLICATION", "APPLICATION",
                "SUPERUSER", "SUPERUSER");
        assertThat(page.getList("items.actor.id").subList(0, 3)).containsOnly(crm.id());
        assertThat(page.getString("items[3].actor.id")).isEqualTo(page.getString("items[4].actor.id")).isNotBlank();
        assertThat(page.getList("items[0].changes")).containsExactly("status", "revokedAt");
        assertThat(page.getString("items[0].reason")).isEqualTo("REVOKED");
        assertThat(page.getList("items[2].changes")).containsExactly("firstName", "lastName", "email",
                "userApiEnabled");

        // In XML; and the platform's trail holds the same entries; another organization's is 404.
        XmlPath xml = XmlPath.from(app(ticket, crm).accept("application/xml").get(trail + "?action=user.created")
                .then().statusCode(200).extract().asString());
        assertThat(xml.getString("page.items.auditEntry.target.id")).isEqualTo(alice);
        assertThat(xml.getList("page.items.auditEntry.changes.change")).contains("email");
        superuser(ticket).get("/api/admin/v1/audit?targetId=" + alice).then().statusCode(200);
        assertThat(superuser(ticket).get("/api/admin/v1/audit?targetId=" + alice).jsonPath().getList("items.action"))
                .containsExactly("user.created");
        String other = Clients.newOrganization("Audit other " + suffix);
        app(ticket, crm).get("/api/admin/v1/organizations/" + other + "/audit").then().statusCode(404);

        // The same entries are on audit-events, and neither holds a credential.
        String revocation = page.getString("items[0].id");
        JsonNode event = Events.await("audit-events", e -> revocation.equals(e.path("id").asText()),
                Duration.ofSeconds(30)).event();
        assertThat(event.path("type").asText()).isEqualTo("onecloud.audit.recorded.v1");
        assertThat(event.path("data").path("actor").path("id").asText()).isEqualTo(crm.id());
        for (String credential : List.copyOf(Clients.ISSUED)) {
            assertThat(body).doesNotContain(credential);
            assertThat(event.toString()).doesNotContain(credential);
        }
    }
}
