package com.onecloud.resource.organization;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.onecloud.resource.support.Credentials;
import com.onecloud.resource.support.Credentials.Credential;
import com.onecloud.resource.support.Fixtures;
import com.onecloud.testsupport.AuthServiceDouble;
import com.onecloud.testsupport.EmbeddedKafkaResource;
import com.onecloud.testsupport.ResourceDatabase;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;

/** Organizations (SUPERUSER only): CRUD in JSON and XML, versions, validation, paging and the HTTP conventions. */
@QuarkusTest
@QuarkusTestResource(AuthServiceDouble.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(ResourceDatabase.class)
class OrganizationApiTest {

    private static final String ORGS = "/api/admin/v1/organizations";

    @AfterAll
    static void noCredentialWasLogged() {
        Credentials.assertNoneLogged();
    }

    @Test
    void crudInJson() {
        Credential su = Credentials.superuser();
        Response created = su.spec().contentType("application/json").accept("application/json")
                .body(Map.of("name", "Acme Oy")).post(ORGS);
        created.then().statusCode(201).header("ETag", "\"0\"").body("name", equalTo("Acme Oy"))
                .body("version", equalTo(0)).body("id", notNullValue());
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith(ORGS + "/" + id);

        su.spec().accept("application/json").get(ORGS + "/" + id).then().statusCode(200)
                .header("ETag", "\"0\"").body("id", equalTo(id)).body("name", equalTo("Acme Oy"))
                .body("version", equalTo(0));

        // PUT with If-Match, then with the body's version.
        su.spec().contentType("application/json").header("If-Match", "\"0\"").body(Map.of("name", "Acme Ltd"))
                .put(ORGS + "/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("name", equalTo("Acme Ltd")).body("version", equalTo(1));
        su.spec().contentType("application/json").body(Map.of("name", "Acme Group", "version", 1))
                .put(ORGS + "/" + id).then().statusCode(200).header("ETag", "\"2\"").body("version", equalTo(2));
        su.spec().get(ORGS + "/" + id).then().statusCode(200).body("name", equalTo("Acme Group"))
                .header("ETag", "\"2\"");

        su.spec().delete(ORGS + "/" + id).then().statusCode(204);
        su.spec().accept("application/json").get(ORGS + "/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        su.spec().delete(ORGS + "/" + id).then().statusCode(404);
    }

    @Test
    void crudInXmlThroughTheMethodOverride() {
        Credential su = Credentials.superuser();
        Response created = su.spec().contentType("application/xml; charset=UTF-8").accept("application/xml")
                .body("<organization><name>Überörg Åb</name></organization>").post(ORGS);
        created.then().statusCode(201).contentType(containsString("application/xml")).header("ETag", "\"0\"");
        XmlPath xml = new XmlPath(created.asString());
        assertThat(xml.getString("organization.name")).isEqualTo("Überörg Åb");
        assertThat(xml.getInt("organization.version")).isZero();
        String id = xml.getString("organization.id");
        assertThat(id).isNotBlank();

        XmlPath read = new XmlPath(su.spec().accept("application/xml").get(ORGS + "/" + id).then().statusCode(200)
                .header("ETag", "\"0\"").extract().asString());
        assertThat(read.getString("organization.name")).isEqualTo("Überörg Åb");

        // POST + X-HTTP-Method-Override: PUT, XML body carrying the version.
        XmlPath updated = new XmlPath(su.spec().contentType("application/xml; charset=UTF-8").accept("application/xml")
                .header("X-HTTP-Method-Override", "put")
                .body("<organization><name>Renamed</name><version>0</version></organization>")
                .post(ORGS + "/" + id).then().statusCode(200).header("ETag", "\"1\"").extract().asString());
        assertThat(updated.getString("organization.name")).isEqualTo("Renamed");
        assertThat(updated.getInt("organization.version")).isEqualTo(1);

        // POST + X-HTTP-Method-Override: DELETE, without body and without Content-Type.
        su.spec().noContentType().header("X-HTTP-Method-Override", "DELETE").post(ORGS + "/" + id).then()
                .statusCode(204);
        su.spec().accept("application/xml").get(ORGS + "/" + id).then().statusCode(404)
                .contentType("application/problem+xml");
    }

    @Test
    void listIsAPageInJsonAndXml() {
        Credential su = Credentials.superuser();
        String a = Fixtures.organization("Paging A");
        String b = Fixtures.organization("Paging B");
        int total = su.spec().get(ORGS + "?limit=500").then().statusCode(200).body("limit", equalTo(500))
                .body("offset", equalTo(0)).body("items.id", hasItems(a, b)).extract().path("total");
        assertThat(total).isGreaterThanOrEqualTo(2);
        // The newest two are the last two (ordered by creation).
        su.spec().get(ORGS + "?limit=2&offset=" + (total - 2)).then().statusCode(200)
                .body("items", hasSize(2)).body("items.id", equalTo(List.of(a, b))).body("total", equalTo(total))
                .body("limit", equalTo(2)).body("offset", equalTo(total - 2));
        su.spec().get(ORGS).then().statusCode(200).body("limit", equalTo(50)).body("offset", equalTo(0));

        String body = su.spec().accept("application/xml").get(ORGS + "?limit=2&offset=" + (total - 2)).then()
                .statusCode(200).extract().asString();
        XmlPath xml = new XmlPath(body);
        assertThat(xml.getList("page.items.organization.id")).containsExactly(a, b);
        assertThat(xml.getList("page.items.organization.name")).containsExactly("Paging A", "Paging B");
        assertThat(xml.getInt("page.total")).isEqualTo(total);
        assertThat(xml.getInt("page.limit")).isEqualTo(2);
        assertThat(xml.getInt("page.offset")).isEqualTo(total - 2);
    }

    @Test
    void pagingLimitsAre400NamingTheParameter() {
        Credential su = Credentials.superuser();
        su.spec().accept("application/json").get(ORGS + "?limit=0").then().statusCode(400)
                .body("validationResult.field", hasItem("limit"));
        su.spec().accept("application/json").get(ORGS + "?limit=501").then().statusCode(400)
                .body("validationResult.field", hasItem("limit"));
        su.spec().accept("application/json").get(ORGS + "?offset=-1").then().statusCode(400)
                .body("validationResult.field", hasItem("offset"));
        su.spec().accept("application/json").get(ORGS + "?limit=ten&offset=x").then().statusCode(400)
                .body("validationResult.field", hasItems("limit", "offset"));
        su.spec().get(ORGS + "?limit=500").then().statusCode(200).body("limit", equalTo(500));
    }

    @Test
    void versionsAreEnforced() {
        Credential su = Credentials.superuser();
        String id = Fixtures.organization("Versioned");
        su.spec().contentType("application/json").accept("application/json").body(Map.of("name", "No version"))
                .put(ORGS + "/" + id).then().statusCode(400).body("validationResult.field", hasItem("version"));
        su.spec().contentType("application/json").body(Map.of("name", "First", "version", 0))
                .put(ORGS + "/" + id).then().statusCode(200).body("version", equalTo(1));
        su.spec().contentType("application/json").accept("application/json")
                .body(Map.of("name", "Stale", "version", 0)).put(ORGS + "/" + id).then().statusCode(409)
                .contentType("application/problem+json").header("Warning", containsString("703 resource-service"));
        su.spec().contentType("application/json").header("If-Match", "\"0\"").body(Map.of("name", "Stale"))
                .put(ORGS + "/" + id).then().statusCode(409);
        su.spec().contentType("application/json").header("If-Match", "nonsense").body(Map.of("name", "Bad"))
                .put(ORGS + "/" + id).then().statusCode(400).body("validationResult.field", hasItem("If-Match"));
        su.spec().get(ORGS + "/" + id).then().statusCode(200).body("name", equalTo("First"));
        su.spec().contentType("application/json").body(Map.of("name", "Missing", "version", 0))
                .put(ORGS + "/doesnotexist0000").then().statusCode(404);
    }

    @Test
    void invalidBodiesAre400NamingEachField() {
        Credential su = Credentials.superuser();
        su.spec().contentType("application/json").accept("application/json").body(Map.of())
                .post(ORGS).then().statusCode(400).body("validationResult.field", hasItem("name"));
        su.spec().contentType("application/json").accept("application/json").body(Map.of("name", "x".repeat(201)))
                .post(ORGS).then().statusCode(400).body("validationResult.field", hasItem("name"));
        su.spec().contentType("application/json").accept("application/json")
                .body(Map.of("name", "ok", "colour", "red")).post(ORGS).then().statusCode(400)
                .body("validationResult.field", hasItem("colour"));
        su.spec().contentType("application/xml; charset=UTF-8").accept("application/json")
                .body("<organization><name>ok</name><colour>red</colour></organization>").post(ORGS).then()
                .statusCode(400).body("validationResult.field", hasItem("colour"));
        su.spec().contentType("application/xml; charset=UTF-8").accept("application/xml")
                .body("<organization></organization>").post(ORGS).then().statusCode(400)
                .contentType("application/problem+xml").body(containsString("name"));
    }

    @Test
    void apiActivationIsOffUnlessTheCreatorSaysOtherwiseInJsonAndXml() {
        Credential su = Credentials.superuser();
        String plain = su.spec().contentType("application/json").accept("application/json")
                .body(Map.of("name", "Not yet activated")).post(ORGS).then().statusCode(201)
                .body("adminApiEnabled", equalTo(false)).body("userApiEnabled", equalTo(false)).extract().path("id");
        su.spec().accept("application/json").get(ORGS + "/" + plain).then().statusCode(200)
                .body("adminApiEnabled", equalTo(false)).body("userApiEnabled", equalTo(false));
        String both = su.spec().contentType("application/json").accept("application/json")
                .body(Map.of("name", "Fully activated", "adminApiEnabled", true, "userApiEnabled", true)).post(ORGS)
                .then().statusCode(201).body("adminApiEnabled", equalTo(true)).body("userApiEnabled", equalTo(true))
                .extract().path("id");
        su.spec().accept("application/json").get(ORGS + "/" + both).then().statusCode(200)
                .body("adminApiEnabled", equalTo(true)).body("userApiEnabled", equalTo(true));

        // XML: the same names as child elements; one flag given, the other left to its default.
        XmlPath created = new XmlPath(su.spec().contentType("application/xml; charset=UTF-8").accept("application/xml")
                .body("<organization><name>Admin only</name><adminApiEnabled>true</adminApiEnabled></organization>")
                .post(ORGS).then().statusCode(201).extract().asString());
        assertThat(created.getString("organization.adminApiEnabled")).isEqualTo("true");
        assertThat(created.getString("organization.userApiEnabled")).isEqualTo("false");
        String adminOnly = created.getString("organization.id");
        XmlPath read = new XmlPath(su.spec().accept("application/xml").get(ORGS + "/" + adminOnly).then()
                .statusCode(200).extract().asString());
        assertThat(read.getString("organization.adminApiEnabled")).isEqualTo("true");
        assertThat(read.getString("organization.userApiEnabled")).isEqualTo("false");

        // In a page, too.
        int total = su.spec().get(ORGS + "?limit=1").then().statusCode(200).extract().path("total");
        su.spec().accept("application/json").get(ORGS + "?limit=3&offset=" + (total - 3)).then().statusCode(200)
                .body("items.id", equalTo(List.of(plain, both, adminOnly)))
                .body("items.adminApiEnabled", equalTo(List.of(false, true, true)))
                .body("items.userApiEnabled", equalTo(List.of(false, true, false)));
        XmlPath page = new XmlPath(su.spec().accept("application/xml").get(ORGS + "?limit=3&offset=" + (total - 3))
                .then().statusCode(200).extract().asString());
        assertThat(page.getList("page.items.organization.adminApiEnabled")).containsExactly("false", "true", "true");
    }

    @Test
    void aPutChangesTheFlagsItGivesUnderTheVersionRulesAndKeepsTheOthers() {
        Credential su = Credentials.superuser();
        String id = Fixtures.organization("Activated by PUT", false, false);
        su.spec().contentType("application/json").accept("application/json")
                .body(Map.of("name", "Activated by PUT", "adminApiEnabled", true, "version", 0)).put(ORGS + "/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1))
                .body("adminApiEnabled", equalTo(true)).body("userApiEnabled", equalTo(false));
        // A PUT without the flags (a client that does not know them) renames and keeps them.
        su.spec().contentType("application/json").accept("application/json").header("If-Match", "\"1\"")
                .body(Map.of("name", "Renamed")).put(ORGS + "/" + id).then().statusCode(200)
                .header("ETag", "\"2\"").body("name", equalTo("Renamed")).body("adminApiEnabled", equalTo(true))
                .body("userApiEnabled", equalTo(false));
        // A stale version changes nothing.
        su.spec().contentType("application/json").accept("application/json")
                .body(Map.of("name", "Renamed", "userApiEnabled", true, "version", 1)).put(ORGS + "/" + id).then()
                .statusCode(409).contentType("application/problem+json");
        su.spec().contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("name", "Renamed", "adminApiEnabled", false)).put(ORGS + "/" + id).then().statusCode(409);
        su.spec().accept("application/json").get(ORGS + "/" + id).then().statusCode(200).header("ETag", "\"2\"")
                .body("adminApiEnabled", equalTo(true)).body("userApiEnabled", equalTo(false));
        // XML through the method override: both flags switched.
        XmlPath updated = new XmlPath(su.spec().contentType("application/xml; charset=UTF-8").accept("application/xml")
                .header("X-HTTP-Method-Override", "PUT")
                .body("<organization><name>Renamed</name><adminApiEnabled>false</adminApiEnabled>"
                        + "<userApiEnabled> true </userApiEnabled><version>2</version></organization>")
                .post(ORGS + "/" + id).then().statusCode(200).header("ETag", "\"3\"").extract().asString());
        assertThat(updated.getString("organization.adminApiEnabled")).isEqualTo("false");
        assertThat(updated.getString("organization.userApiEnabled")).isEqualTo("true");
        assertThat(updated.getInt("organization.version")).isEqualTo(3);
        su.spec().accept("application/json").get(ORGS + "/" + id).then().statusCode(200).header("ETag", "\"3\"")
                .body("adminApiEnabled", equalTo(false)).body("userApiEnabled", equalTo(true));
    }

    @Test
    void aFlagThatIsNotABooleanIs400NamingIt() {
        Credential su = Credentials.superuser();
        String id = Fixtures.organization("Strict flags", false, false);
        for (String field : List.of("adminApiEnabled", "userApiEnabled")) {
            for (Object value : List.of("yes", "true", 1, 0, List.of(true), Map.of("value", true))) {
                su.spec().contentType("application/json").accept("application/json")
                        .body(Map.of("name", "Strict", field, value)).post(ORGS).then()
                        .statusCode(400).contentType("application/problem+json")
                        .body("validationResult.field", equalTo(List.of(field)));
                su.spec().contentType("application/json").accept("application/json")
                        .body(Map.of("name", "Strict", field, value, "version", 0)).put(ORGS + "/" + id).then()
                        .statusCode(400).body("validationResult.field", equalTo(List.of(field)));
            }
            for (String value : List.of("maybe", "1", "TRUE", "")) {
                Response xml = su.spec().contentType("application/xml; charset=UTF-8").accept("application/xml")
                        .body("<organization><name>Strict</name><" + field + ">" + value + "</" + field
                                + "></organization>")
                        .post(ORGS);
                xml.then().statusCode(400).contentType("application/problem+xml");
                assertThat(new XmlPath(xml.asString()).getList("problem.validationResult.i.field"))
                        .as(field + "=" + value).containsExactly(field);
                su.spec().contentType("application/xml; charset=UTF-8").accept("application/json")
                        .body("<organization><name>Strict</name><" + field + ">" + value + "</" + field
                                + "><version>0</version></organization>")
                        .put(ORGS + "/" + id).then().statusCode(400)
                        .body("validationResult.field", equalTo(List.of(field)));
            }
        }
        // Nothing was created or changed; an explicit null is no value (the default on POST, unchanged on PUT).
        su.spec().accept("application/json").get(ORGS + "/" + id).then().statusCode(200).body("version", equalTo(0))
                .body("name", equalTo("Strict flags")).body("adminApiEnabled", equalTo(false));
        Map<String, Object> withNull = new HashMap<>(Map.of("name", "Null flag", "version", 0));
        withNull.put("userApiEnabled", null);
        su.spec().contentType("application/json").accept("application/json").body(withNull).put(ORGS + "/" + id)
                .then().statusCode(200).body("userApiEnabled", equalTo(false)).body("version", equalTo(1));
    }

    @Test
    void theApiDescriptionShowsTheFlagsAndWhatLeavingOneOutMeans() {
        Response doc = given().accept("application/json").get("/q/openapi?format=json");
        doc.then().statusCode(200);
        for (String schema : List.of("OrganizationRequest", "OrganizationView", "UserRequest", "UserView")) {
            assertThat(doc.jsonPath().getString("components.schemas." + schema + ".properties.userApiEnabled.type"))
                    .as(schema).isEqualTo("boolean");
        }
        assertThat(doc.jsonPath().getString("components.schemas.OrganizationRequest.properties.adminApiEnabled.type"))
                .isEqualTo("boolean");
        assertThat(doc.jsonPath().getString(
                "components.schemas.OrganizationRequest.properties.adminApiEnabled.description"))
                .contains("Absent on POST: `false`; absent on PUT: unchanged.");
        assertThat(doc.jsonPath().getString("components.schemas.UserRequest.properties.userApiEnabled.description"))
                .contains("Absent on POST: `true`; absent on PUT: unchanged.");
        assertThat(doc.jsonPath().getString("paths.'/api/admin/v1/organizations/{orgId}'.put.description"))
                .contains("left out, or null, keeps its value");
    }

    @Test
    void conventionsOnTheCollection() {
        Credential su = Credentials.superuser();
        su.spec().accept("application/json").delete(ORGS).then().statusCode(405)
                .header("Allow", containsString("GET")).header("Allow", containsString("POST"));
        su.spec().accept("application/json").put(ORGS).then().statusCode(405).header("Allow", notNullValue());
        String id = Fixtures.organization("Patchable");
        su.spec().contentType("application/json").body(Map.of("name", "x")).patch(ORGS + "/" + id).then()
                .statusCode(501);
        su.spec().contentType("application/json").header("X-HTTP-Method-Override", "PATCH")
                .body(Map.of("name", "x")).post(ORGS + "/" + id).then().statusCode(501);
    }
}
