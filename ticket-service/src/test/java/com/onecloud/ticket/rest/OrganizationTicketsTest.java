package com.onecloud.ticket.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.access.credential.TokenFormat;
import com.onecloud.testsupport.AuthServiceDouble;
import com.onecloud.testsupport.EmbeddedKafkaResource;
import com.onecloud.testsupport.TicketDatabase;
import com.onecloud.ticket.support.Callers;
import com.onecloud.ticket.support.Callers.Caller;
import com.onecloud.ticket.support.Db;
import com.onecloud.ticket.support.IssuedCredentials;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;

/** An organization's tickets over the Admin API: create, read, list, validate, tenancy, credential secrecy. */
@QuarkusTest
@QuarkusTestResource(TicketDatabase.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(AuthServiceDouble.class)
class OrganizationTicketsTest {

    private String org;
    private Caller admin;
    private String base;

    @BeforeEach
    void setUp() {
        org = Callers.newOrganization();
        admin = Callers.application(org, Api.TICKETS);
        base = "/api/admin/v1/organizations/" + org + "/tickets";
    }

    private Response createApplication(String name, String... apis) {
        return admin.json().contentType("application/json")
                .body(Map.of("name", name, "kind", "APPLICATION", "apis", List.of(apis))).post(base);
    }

    private static void remember(JsonPath body) {
        IssuedCredentials.remember(body.getString("token"), body.getString("secret"));
    }

    @Test
    void createsAnApplicationTicketInJsonWithTokenSecretAndLocation() {
        Instant before = Instant.now();
        Response created = createApplication("CRM sync", "USERS", "CONTACTS");
        created.then().statusCode(201)
                .contentType("application/json")
                .header("Location", endsWith(base + "/" + created.jsonPath().getString("id")))
                .body("id", notNullValue())
                .body("name", equalTo("CRM sync"))
                .body("kind", equalTo("APPLICATION"))
                .body("organizationId", equalTo(org))
                .body("$", not(hasKey("userId")))
                .body("apis", containsInAnyOrder("USERS", "CONTACTS"))
                .body("status", equalTo("ACTIVE"))
                .body("$", not(hasKey("revokedAt")));
        JsonPath body = created.jsonPath();
        remember(body);
        String token = body.getString("token");
        String secret = body.getString("secret");
        assertThat(TokenFormat.credentialId(token)).isPresent();
        assertThat(TokenFormat.isWellFormedSecret(secret)).isTrue();
        Instant createdAt = Instant.parse(body.getString("createdAt"));
        Instant expiresAt = Instant.parse(body.getString("expiresAt"));
        assertThat(createdAt).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
        assertThat(Duration.between(createdAt, expiresAt)).isEqualTo(Duration.ofDays(365));
        assertThat(body.getString("createdAt")).endsWith("Z");

        // Never again: reading it shows neither token nor secret.
        admin.json().get(created.header("Location")).then().statusCode(200)
                .body("id", equalTo(body.getString("id")))
                .body("$", not(hasKey("token")))
                .body("$", not(hasKey("secret")));
        admin.json().get(base).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0]", not(hasKey("token")))
                .body("items[0]", not(hasKey("secret")));

        // At rest: only hashes. Neither the token nor the secret is anywhere in the ticket's rows.
        String ticketId = body.getString("id");
        List<Map<String, Object>> credentials = Db.rows("SELECT * FROM credential WHERE ticket_id = ?", ticketId);
        assertThat(credentials).hasSize(1);
        assertThat(credentials.get(0).get("id")).isEqualTo(TokenFormat.credentialId(token).get());
        assertThat((byte[]) credentials.get(0).get("token_hash")).hasSize(32);
        assertThat((byte[]) credentials.get(0).get("secret_hash")).hasSize(32);
        String everything = Db.dump(credentials) + Db.dump(Db.rows("SELECT * FROM ticket WHERE id = ?", ticketId))
                + Db.dump(Db.rows("SELECT * FROM outbox_event WHERE event_key = ?", ticketId));
        String randomPartOfToken = token.substring(20);
        assertThat(everything).doesNotContain(token).doesNotContain(randomPartOfToken).doesNotContain(secret);
    }

    @Test
    void createsAUserTicketInXmlWithTokenButNoSecret() {
        Response created = admin.xml().contentType("application/xml")
                .body("<ticket><name>Alice phone</name><kind>USER</kind><userId>alice</userId>"
                        + "<apis><api>CONTACTS</api></apis><expiresAt>2099-01-01T00:00:00Z</expiresAt></ticket>")
                .post(base);
        // 2099 is beyond the maximum validity: refused, with the field named.
        created.then().statusCode(400).body(containsString("expiresAt"));

        Instant expires = Instant.now().plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        created = admin.xml().contentType("application/xml")
                .body("<ticket><name>Alice phone</name><kind>USER</kind><userId>alice</userId>"
                        + "<apis><api>CONTACTS</api></apis><expiresAt>" + expires + "</expiresAt></ticket>")
                .post(base);
        created.then().statusCode(201).contentType("application/xml");
        XmlPath xml = created.xmlPath();
        IssuedCredentials.remember(xml.getString("ticket.token"), null);
        assertThat(xml.getString("ticket.kind")).isEqualTo("USER");
        assertThat(xml.getString("ticket.userId")).isEqualTo("alice");
        assertThat(xml.getString("ticket.organizationId")).isEqualTo(org);
        assertThat(xml.getList("ticket.apis.api")).containsExactly("CONTACTS");
        assertThat(xml.getString("ticket.status")).isEqualTo("ACTIVE");
        assertThat(Instant.parse(xml.getString("ticket.expiresAt"))).isEqualTo(expires);
        assertThat(TokenFormat.credentialId(xml.getString("ticket.token"))).isPresent();
        assertThat(xml.getString("ticket.secret")).isEmpty();
        assertThat(created.header("Location")).endsWith(base + "/" + xml.getString("ticket.id"));
        assertThat(Db.rows("SELECT secret_hash FROM credential WHERE ticket_id = ?", xml.getString("ticket.id"))
                .get(0).get("secret_hash")).isNull();

        XmlPath read = admin.xml().get(created.header("Location")).then().statusCode(200)
                .contentType("application/xml").extract().xmlPath();
        assertThat(read.getString("ticket.id")).isEqualTo(xml.getString("ticket.id"));
        assertThat(read.getString("ticket.token")).isEmpty();

        // Rotation in XML: a new token, once.
        XmlPath rotated = admin.xml().contentType("application/xml")
                .body("<rotation><graceSeconds>60</graceSeconds></rotation>")
                .post(created.header("Location") + "/rotation").then().statusCode(200)
                .contentType("application/xml").extract().xmlPath();
        IssuedCredentials.remember(rotated.getString("ticket.token"), null);
        assertThat(TokenFormat.credentialId(rotated.getString("ticket.token"))).isPresent();
        assertThat(rotated.getString("ticket.token")).isNotEqualTo(xml.getString("ticket.token"));
        assertThat(Db.count("SELECT count(*) FROM credential WHERE ticket_id = ? AND not_after IS NOT NULL",
                xml.getString("ticket.id"))).isEqualTo(1);

        XmlPath page = admin.xml().get(base).then().statusCode(200).extract().xmlPath();
        assertThat(page.getString("page.total")).isEqualTo("1");
        assertThat(page.getString("page.limit")).isEqualTo("50");
        assertThat(page.getString("page.offset")).isEqualTo("0");
        assertThat(page.getString("page.items.ticket[0].id")).isEqualTo(xml.getString("ticket.id"));
        assertThat(page.getString("page.items.ticket[0].token")).isEmpty();
    }

    @Test
    void validatesTheCreateRequest() {
        record Case(Object body, String field) {
        }
        List<Case> cases = List.of(
                new Case(Map.of("kind", "APPLICATION", "apis", List.of("USERS")), "name"),
                new Case(Map.of("name", "x".repeat(201), "kind", "APPLICATION", "apis", List.of("USERS")), "name"),
                new Case(Map.of("name", "n", "kind", "APPLICATION", "apis", List.of()), "apis"),
                new Case(Map.of("name", "n", "kind", "APPLICATION"), "apis"),
                new Case(Map.of("name", "n", "kind", "APPLICATION", "apis", List.of("BILLING")), "apis"),
                new Case(Map.of("name", "n", "kind", "USER", "apis", List.of("CONTACTS")), "userId"),
                new Case(Map.of("name", "n", "kind", "APPLICATION", "userId", "u1", "apis", List.of("USERS")),
                        "userId"),
                new Case(Map.of("name", "n", "kind", "SUPERUSER", "apis", List.of("USERS")), "kind"),
                new Case(Map.of("name", "n", "kind", "ROBOT", "apis", List.of("USERS")), "kind"),
                new Case(Map.of("name", "n", "apis", List.of("USERS")), "kind"),
                new Case(Map.of("name", "n", "kind", "APPLICATION", "apis", List.of("USERS"),
                        "expiresAt", "2000-01-01T00:00:00Z"), "expiresAt"),
                new Case(Map.of("name", "n", "kind", "APPLICATION", "apis", List.of("USERS"),
                        "expiresAt", "tomorrow"), "expiresAt"),
                new Case(Map.of("name", "n", "kind", "APPLICATION", "apis", List.of("USERS"), "colour", "blue"),
                        "colour"));
        for (Case c : cases) {
            admin.json().contentType("application/json").body(c.body()).post(base).then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("validationResult.field", hasItem(c.field()));
        }
        // None of them created anything.
        assertThat(Db.count("SELECT count(*) FROM ticket WHERE organization_id = ?", org)).isZero();
    }

    @Test
    void pagesAndFilters() {
        String first = createApplication("a1", "USERS").then().statusCode(201).extract().path("id");
        createApplication("a2", "USERS").then().statusCode(201);
        String user = admin.json().contentType("application/json")
                .body(Map.of("name", "u", "kind", "USER", "userId", "bob", "apis", List.of("CONTACTS")))
                .post(base).then().statusCode(201).extract().path("id");
        admin.json().delete(base + "/" + first).then().statusCode(204);

        admin.json().queryParam("limit", 2).get(base).then().statusCode(200)
                .body("items", hasSize(2)).body("total", equalTo(3))
                .body("limit", equalTo(2)).body("offset", equalTo(0));
        admin.json().queryParam("limit", 2).queryParam("offset", 2).get(base).then().statusCode(200)
                .body("items", hasSize(1)).body("total", equalTo(3)).body("offset", equalTo(2));
        admin.json().queryParam("offset", 10).get(base).then().statusCode(200)
                .body("items", hasSize(0)).body("total", equalTo(3));
        admin.json().queryParam("status", "REVOKED").get(base).then().statusCode(200)
                .body("items.id", containsInAnyOrder(first)).body("total", equalTo(1));
        admin.json().queryParam("status", "ACTIVE").get(base).then().statusCode(200)
                .body("total", equalTo(2)).body("items.status", everyItem(equalTo("ACTIVE")));
        admin.json().queryParam("status", "EXPIRED").get(base).then().statusCode(200).body("total", equalTo(0));
        admin.json().queryParam("kind", "USER").get(base).then().statusCode(200)
                .body("items.id", containsInAnyOrder(user));
        admin.json().queryParam("userId", "bob").get(base).then().statusCode(200)
                .body("items.id", containsInAnyOrder(user));
        admin.json().queryParam("kind", "APPLICATION").queryParam("status", "ACTIVE").get(base).then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].name", equalTo("a2"));

        for (Map.Entry<String, Object> bad : List.<Map.Entry<String, Object>>of(Map.entry("limit", 0),
                Map.entry("limit", 501), Map.entry("limit", "many"), Map.entry("offset", -1),
                Map.entry("status", "DELETED"), Map.entry("kind", "ROBOT"))) {
            admin.json().queryParam(bad.getKey(), bad.getValue()).get(base).then().statusCode(400)
                    .body("validationResult.field", hasItem(bad.getKey()));
        }
        admin.json().queryParam("limit", 500).get(base).then().statusCode(200).body("limit", equalTo(500));
    }

    @Test
    void anotherOrganizationsTicketIsNotFoundOnEveryRoute() {
        String id = createApplication("mine", "USERS").then().statusCode(201).extract().path("id");
        String otherOrg = Callers.newOrganization();
        Caller other = Callers.application(otherOrg, Api.TICKETS);
        String otherBase = "/api/admin/v1/organizations/" + otherOrg + "/tickets";

        // The other tenant naming my organization: 404 everywhere, as if it did not exist.
        other.json().get(base).then().statusCode(404);
        other.json().get(base + "/" + id).then().statusCode(404);
        other.json().delete(base + "/" + id).then().statusCode(404);
        other.json().contentType("application/json").body(Map.of("graceSeconds", 0))
                .post(base + "/" + id + "/rotation").then().statusCode(404);
        other.json().contentType("application/json")
                .body(Map.of("name", "n", "kind", "APPLICATION", "apis", List.of("USERS"))).post(base)
                .then().statusCode(404);
        // The other tenant naming my ticket under its own organization: 404 too.
        other.json().get(otherBase + "/" + id).then().statusCode(404);
        other.json().delete(otherBase + "/" + id).then().statusCode(404);
        other.json().contentType("application/json").body(Map.of("graceSeconds", 0))
                .post(otherBase + "/" + id + "/rotation").then().statusCode(404);

        // Nothing happened to it.
        admin.json().get(base + "/" + id).then().statusCode(200).body("status", equalTo("ACTIVE"));
        assertThat(Db.count("SELECT count(*) FROM credential WHERE ticket_id = ?", id)).isEqualTo(1);
        // And a ticket id that does not exist at all reads the same.
        admin.json().get(base + "/nosuchticket0000").then().statusCode(404);
    }

    @Test
    void requiresTheTicketsApiAndAnAdminPrincipal() {
        Caller withoutTickets = Callers.application(org, Api.USERS);
        withoutTickets.json().get(base).then().statusCode(403);
        Caller user = Callers.user(org, "u1", Api.TICKETS, Api.CONTACTS);
        user.json().get(base).then().statusCode(403);
        io.restassured.RestAssured.given().accept("application/json").get(base).then().statusCode(401);
    }

    @Test
    void aSuperuserSeesEveryOrganization() {
        String id = createApplication("mine", "USERS").then().statusCode(201).extract().path("id");
        Caller root = Callers.superuser(Api.TICKETS);
        root.json().get(base + "/" + id).then().statusCode(200).body("organizationId", equalTo(org))
                .body("$", not(hasKey("token"))).body("revokedAt", nullValue());
    }
}
