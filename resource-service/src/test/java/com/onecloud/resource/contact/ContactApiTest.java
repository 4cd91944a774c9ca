package com.onecloud.resource.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.access.credential.TokenFormat;
import com.onecloud.resource.support.CapturedLog;
import com.onecloud.resource.support.Credentials;
import com.onecloud.resource.support.Credentials.Credential;
import com.onecloud.resource.support.Fixtures;
import com.onecloud.resource.support.HeldOrganization;
import com.onecloud.testsupport.AuthServiceDouble;
import com.onecloud.testsupport.EmbeddedKafkaResource;
import com.onecloud.testsupport.ResourceDatabase;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;

/** A user's personal contacts (User API, API CONTACTS): CRUD, ownership, validation and paging. */
@QuarkusTest
@QuarkusTestResource(AuthServiceDouble.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(ResourceDatabase.class)
class ContactApiTest {

    private static final String CONTACTS = "/api/user/v1/contacts";
    /**
     * What Mutiny logs when a cut-off request's database work fails with nobody left to tell, and what Hibernate
     * Reactive logged when it closed a session under a live transaction (before this service used the SQL client).
     */
    private static final Pattern SESSION_CLOSED_UNDER_A_TRANSACTION =
            Pattern.compile("HR000090|HHH000099|Mutiny had to drop|Session/EntityManager is closed");

    @AfterAll
    static void noCredentialWasLogged() {
        Credentials.assertNoneLogged();
    }

    private static Credential newUser(String orgId) {
        return Credentials.user(orgId, TokenFormat.newId(), Api.CONTACTS);
    }

    private static Map<String, Object> contact(String first, String last, String company, String email,
            String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("firstName", first);
        if (last != null) {
            body.put("lastName", last);
        }
        if (company != null) {
            body.put("company", company);
        }
        if (email != null) {
            body.put("email", email);
        }
        if (phone != null) {
            body.put("phoneNumber", phone);
        }
        return body;
    }

    @Test
    void crudInJson() {
        String org = Fixtures.organization("Contacts JSON");
        Credential me = newUser(org);
        Response created = me.spec().contentType("application/json").accept("application/json")
                .body(contact("Mikko", "Mallikas", "Firma Oy", "mikko@firma.fi", "+358501112223")).post(CONTACTS);
        created.then().statusCode(201).header("ETag", "\"0\"").body("firstName", equalTo("Mikko"))
                .body("lastName", equalTo("Mallikas")).body("company", equalTo("Firma Oy"))
                .body("email", equalTo("mikko@firma.fi")).body("phoneNumber", equalTo("+358501112223"))
                .body("version", equalTo(0));
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith(CONTACTS + "/" + id);

        // Only firstName is required.
        String minimal = me.spec().contentType("application/json").body(contact("Solo", null, null, null, null))
                .post(CONTACTS).then().statusCode(201).body("lastName", equalTo(null)).extract().path("id");

        me.spec().get(CONTACTS + "/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("id", equalTo(id));
        me.spec().get(CONTACTS).then().statusCode(200).body("total", equalTo(2))
                .body("items.id", equalTo(List.of(id, minimal))).body("limit", equalTo(50)).body("offset", equalTo(0));
        me.spec().get(CONTACTS + "?limit=1&offset=1").then().statusCode(200).body("total", equalTo(2))
                .body("items.id", equalTo(List.of(minimal))).body("limit", equalTo(1)).body("offset", equalTo(1));
        // A page past the last contact still carries the total.
        me.spec().get(CONTACTS + "?offset=5").then().statusCode(200).body("total", equalTo(2))
                .body("items", hasSize(0)).body("offset", equalTo(5));

        me.spec().contentType("application/json").header("If-Match", "\"0\"")
                .body(contact("Mikko", "Mallikas", "Uusi Oy", null, null)).put(CONTACTS + "/" + id).then()
                .statusCode(200).header("ETag", "\"1\"").body("company", equalTo("Uusi Oy"))
                .body("email", equalTo(null)).body("version", equalTo(1));
        Map<String, Object> stale = contact("Mikko", null, null, null, null);
        stale.put("version", 0);
        me.spec().contentType("application/json").body(stale).put(CONTACTS + "/" + id).then().statusCode(409);
        me.spec().contentType("application/json").accept("application/json")
                .body(contact("Mikko", null, null, null, null)).put(CONTACTS + "/" + id).then().statusCode(400)
                .body("validationResult.field", hasItem("version"));

        me.spec().delete(CONTACTS + "/" + id).then().statusCode(204);
        me.spec().get(CONTACTS + "/" + id).then().statusCode(404);
        me.spec().get(CONTACTS).then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void crudInXmlThroughTheMethodOverride() {
        String org = Fixtures.organization("Contacts XML");
        Credential me = newUser(org);
        Response created = me.spec().contentType("application/xml; charset=UTF-8").accept("application/xml")
                .body("<contact><firstName>Zoë</firstName><lastName>李</lastName><company>Ä &amp; Ö</company>"
                        + "</contact>")
                .post(CONTACTS);
        created.then().statusCode(201).header("ETag", "\"0\"");
        XmlPath xml = new XmlPath(created.asString());
        String id = xml.getString("contact.id");
        assertThat(xml.getString("contact.firstName")).isEqualTo("Zoë");
        assertThat(xml.getString("contact.lastName")).isEqualTo("李");
        assertThat(xml.getString("contact.company")).isEqualTo("Ä & Ö");

        XmlPath page = new XmlPath(me.spec().accept("application/xml").get(CONTACTS).then().statusCode(200)
                .extract().asString());
        assertThat(page.getList("page.items.contact.id")).containsExactly(id);
        assertThat(page.getInt("page.total")).isEqualTo(1);

        XmlPath updated = new XmlPath(me.spec().contentType("application/xml").accept("application/xml")
                .header("X-HTTP-Method-Override", "PUT").header("If-Match", "\"0\"")
                .body("<contact><firstName>Zoe</firstName><phoneNumber>+4420123456</phoneNumber></contact>")
                .post(CONTACTS + "/" + id).then().statusCode(200).header("ETag", "\"1\"").extract().asString());
        assertThat(updated.getString("contact.firstName")).isEqualTo("Zoe");
        assertThat(updated.getString("contact.phoneNumber")).isEqualTo("+4420123456");

        me.spec().noContentType().header("X-HTTP-Method-Override", "DELETE").post(CONTACTS + "/" + id).then()
                .statusCode(204);
        me.spec().accept("application/xml").get(CONTACTS + "/" + id).then().statusCode(404);
    }

    @Test
    void anotherUsersContactsAreMissing() {
        String org = Fixtures.organization("Contacts owners");
        String otherOrg = Fixtures.organization("Contacts other org");
        Credential x = newUser(org);
        Credential y = newUser(org);
        Credential z = newUser(otherOrg);
        String ofY = y.spec().contentType("application/json").body(contact("Yours", null, null, null, null))
                .post(CONTACTS).then().statusCode(201).extract().path("id");
        Map<String, Object> update = contact("Stolen", null, null, null, null);
        update.put("version", 0);

        String missingDetail = x.spec().accept("application/json").get(CONTACTS + "/doesnotexist0000").then()
                .statusCode(404).extract().path("detail");
        for (Credential intruder : List.of(x, z)) {
            intruder.spec().accept("application/json").get(CONTACTS + "/" + ofY).then().statusCode(404)
                    .body("detail", equalTo(missingDetail));
            intruder.spec().contentType("application/json").body(update).put(CONTACTS + "/" + ofY).then()
                    .statusCode(404);
            intruder.spec().delete(CONTACTS + "/" + ofY).then().statusCode(404);
            intruder.spec().get(CONTACTS).then().statusCode(200).body("total", equalTo(0)).body("items", hasSize(0));
        }
        y.spec().get(CONTACTS + "/" + ofY).then().statusCode(200).body("firstName", equalTo("Yours"))
                .body("version", equalTo(0));
    }

    @Test
    void invalidBodiesAre400NamingEachField() {
        String org = Fixtures.organization("Contacts validation");
        Credential me = newUser(org);
        me.spec().contentType("application/json").accept("application/json").body(Map.of("lastName", "Only"))
                .post(CONTACTS).then().statusCode(400).body("validationResult.field", equalTo(List.of("firstName")));
        me.spec().contentType("application/json").accept("application/json")
                .body(contact("F".repeat(101), "L".repeat(101), "C".repeat(201), "a@@b", "+12 345")).post(CONTACTS)
                .then().statusCode(400)
                .body("validationResult.field", hasItems("firstName", "lastName", "company", "email", "phoneNumber"))
                .body("validationResult.message", notNullValue());
        Map<String, Object> unknown = contact("A", null, null, null, null);
        unknown.put("birthday", "2000-01-01");
        me.spec().contentType("application/json").accept("application/json").body(unknown).post(CONTACTS).then()
                .statusCode(400).body("validationResult.field", hasItem("birthday"));
        me.spec().contentType("application/xml").accept("application/xml")
                .body("<contact><firstName>A</firstName><birthday>2000-01-01</birthday></contact>").post(CONTACTS)
                .then().statusCode(400).contentType("application/problem+xml");
        me.spec().get(CONTACTS).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void conventionsOnContacts() {
        String org = Fixtures.organization("Contacts conventions");
        Credential me = newUser(org);
        me.spec().accept("application/json").delete(CONTACTS).then().statusCode(405)
                .header("Allow", containsString("GET")).header("Allow", containsString("POST"));
        String id = me.spec().contentType("application/json").body(contact("P", null, null, null, null))
                .post(CONTACTS).then().statusCode(201).extract().path("id");
        me.spec().contentType("application/json").body(Map.of("firstName", "Q")).patch(CONTACTS + "/" + id).then()
                .statusCode(501);
        for (String bad : List.of("limit=0", "limit=501", "offset=-1", "limit=x")) {
            me.spec().accept("application/json").get(CONTACTS + "?" + bad).then().statusCode(400)
                    .body("validationResult.field", hasItem(bad.substring(0, bad.indexOf('='))));
        }
    }

    @Test
    void aUserOfAMissingOrganizationCannotCreateContacts() {
        Credential orphan = newUser("doesnotexist0000");
        orphan.spec().contentType("application/json").accept("application/json")
                .body(contact("A", null, null, null, null)).post(CONTACTS).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aContactCreatedWhileItsOrganizationIsBeingDeletedIs404() throws Exception {
        String org = Fixtures.organization("Deleted meanwhile");
        Credential me = newUser(org);
        HeldOrganization.deletedDuring(org, "contact", () -> me.spec().contentType("application/json")
                .accept("application/json").body(contact("Late", null, null, null, null)).post(CONTACTS))
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("The caller's organization does not exist."));
    }

    @Test
    void aCreateWhoseClientHangsUpIsCarriedOutWithoutErrors() throws Exception {
        String org = Fixtures.organization("Hung up");
        Credential me = newUser(org);
        String firstName = "HungUp" + System.nanoTime();
        long sessionErrorsBefore = CapturedLog.count(SESSION_CLOSED_UNDER_A_TRANSACTION);
        try (HeldOrganization lock = HeldOrganization.locking(org)) {
            try (Socket client = new Socket("localhost", RestAssured.port)) {
                String body = "{\"firstName\":\"" + firstName + "\"}";
                client.getOutputStream().write(("POST " + CONTACTS + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + me.token() + "\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
                client.getOutputStream().flush();
                lock.awaitAnInsertWaiting("contact");
            }
            // The client has hung up while the insert waits; now let the insert go on.
            lock.commit();
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> me.spec().accept("application/json")
                .get(CONTACTS).then().statusCode(200).body("items.firstName", hasItem(firstName)));
        assertThat(CapturedLog.count(SESSION_CLOSED_UNDER_A_TRANSACTION)).isEqualTo(sessionErrorsBefore);
    }
}
