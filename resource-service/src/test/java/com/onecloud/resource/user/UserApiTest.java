package com.onecloud.resource.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.resource.support.Credentials;
import com.onecloud.resource.support.Credentials.Credential;
import com.onecloud.resource.support.Fixtures;
import com.onecloud.resource.support.HeldOrganization;
import com.onecloud.testsupport.AuthServiceDouble;
import com.onecloud.testsupport.EmbeddedKafkaResource;
import com.onecloud.testsupport.ResourceDatabase;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;

/** An organization's users (API USERS): CRUD, tenancy, uniqueness, validation, paging and concurrency. */
@QuarkusTest
@QuarkusTestResource(AuthServiceDouble.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(ResourceDatabase.class)
class UserApiTest {

    @AfterAll
    static void noCredentialWasLogged() {
        Credentials.assertNoneLogged();
    }

    private static String users(String orgId) {
        return "/api/admin/v1/organizations/" + orgId + "/users";
    }

    private static Map<String, Object> user(String first, String last, String email, String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("firstName", first);
        body.put("lastName", last);
        body.put("email", email);
        if (phone != null) {
            body.put("phoneNumber", phone);
        }
        return body;
    }

    @Test
    void crudInJsonByAnApplication() {
        String org = Fixtures.organization("Users JSON");
        Credential app = Credentials.application(org, Api.USERS);
        String email = Fixtures.email("anna");
        Response created = app.spec().contentType("application/json").accept("application/json")
                .body(user("Anna", "Virtanen", email, "+358401234567")).post(users(org));
        created.then().statusCode(201).header("ETag", "\"0\"").body("organizationId", equalTo(org))
                .body("firstName", equalTo("Anna")).body("lastName", equalTo("Virtanen"))
                .body("email", equalTo(email)).body("phoneNumber", equalTo("+358401234567"))
                .body("version", equalTo(0));
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith(users(org) + "/" + id);

        app.spec().get(users(org) + "/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("id", equalTo(id)).body("email", equalTo(email));

        app.spec().contentType("application/json").header("If-Match", "\"0\"")
                .body(user("Anna", "Korhonen", email, null)).put(users(org) + "/" + id).then().statusCode(200)
                .header("ETag", "\"1\"").body("lastName", equalTo("Korhonen")).body("version", equalTo(1))
                .body("phoneNumber", equalTo(null));

        app.spec().get(users(org)).then().statusCode(200).body("total", equalTo(1)).body("items.id", hasItem(id));

        app.spec().delete(users(org) + "/" + id).then().statusCode(204);
        app.spec().get(users(org) + "/" + id).then().statusCode(404);
        app.spec().get(users(org)).then().statusCode(200).body("total", equalTo(0)).body("items", hasSize(0));
    }

    @Test
    void crudInXmlBySuperuserThroughTheMethodOverride() {
        String org = Fixtures.organization("Users XML");
        Credential su = Credentials.superuser();
        String email = Fixtures.email("jose");
        String xmlBody = "<user><firstName>José</firstName><lastName>Ñúñez</lastName><email>" + email
                + "</email><phoneNumber>+34600111222</phoneNumber></user>";
        Response created = su.spec().contentType("application/xml; charset=UTF-8").accept("application/xml").body(xmlBody)
                .post(users(org));
        created.then().statusCode(201).header("ETag", "\"0\"");
        XmlPath xml = new XmlPath(created.asString());
        String id = xml.getString("user.id");
        assertThat(xml.getString("user.organizationId")).isEqualTo(org);
        assertThat(xml.getString("user.firstName")).isEqualTo("José");
        assertThat(xml.getString("user.lastName")).isEqualTo("Ñúñez");

        XmlPath page = new XmlPath(su.spec().accept("application/xml").get(users(org)).then().statusCode(200)
                .extract().asString());
        assertThat(page.getList("page.items.user.id")).containsExactly(id);
        assertThat(page.getInt("page.total")).isEqualTo(1);
        assertThat(page.getInt("page.limit")).isEqualTo(50);
        assertThat(page.getInt("page.offset")).isZero();

        XmlPath updated = new XmlPath(su.spec().contentType("application/xml; charset=UTF-8").accept("application/xml")
                .header("X-HTTP-Method-Override", "PUT")
                .body("<user><firstName>Josefa</firstName><lastName>Ñúñez</lastName><email>" + email
                        + "</email><version>0</version></user>")
                .post(users(org) + "/" + id).then().statusCode(200).header("ETag", "\"1\"").extract().asString());
        assertThat(updated.getString("user.firstName")).isEqualTo("Josefa");
        assertThat(updated.getInt("user.version")).isEqualTo(1);

        su.spec().noContentType().header("X-HTTP-Method-Override", "delete").post(users(org) + "/" + id).then()
                .statusCode(204);
        su.spec().accept("application/xml").get(users(org) + "/" + id).then().statusCode(404)
                .contentType("application/problem+xml");
    }

    @Test
    void anotherOrganizationsUsersAreMissingOnEveryRoute() {
        String orgA = Fixtures.organization("Tenant A");
        String orgB = Fixtures.organization("Tenant B");
        String userB = Fixtures.user(orgB, "Bea", "Bee", Fixtures.email("bea"), null);
        Credential appA = Credentials.application(orgA, Api.USERS);
        Map<String, Object> body = user("X", "Y", Fixtures.email("x"), null);
        body.put("version", 0);

        // By B's organization id.
        appA.spec().accept("application/json").get(users(orgB)).then().statusCode(404);
        appA.spec().contentType("application/json").body(body).post(users(orgB)).then().statusCode(404);
        appA.spec().get(users(orgB) + "/" + userB).then().statusCode(404);
        appA.spec().contentType("application/json").body(body).put(users(orgB) + "/" + userB).then().statusCode(404);
        appA.spec().delete(users(orgB) + "/" + userB).then().statusCode(404);
        // By its own organization id with B's user id: exactly like a missing id.
        String missingDetail = appA.spec().accept("application/json").get(users(orgA) + "/doesnotexist0000")
                .then().statusCode(404).extract().path("detail");
        appA.spec().accept("application/json").get(users(orgA) + "/" + userB).then().statusCode(404)
                .body("detail", equalTo(missingDetail));
        appA.spec().contentType("application/json").body(body).put(users(orgA) + "/" + userB).then().statusCode(404);
        appA.spec().delete(users(orgA) + "/" + userB).then().statusCode(404);
        // And nothing happened to B's user.
        Credentials.superuser().spec().get(users(orgB) + "/" + userB).then().statusCode(200)
                .body("firstName", equalTo("Bea")).body("version", equalTo(0));
        // A superuser naming a missing organization gets 404 too.
        Credentials.superuser().spec().get(users("doesnotexist0000")).then().statusCode(404);
    }

    @Test
    void emailIsUniquePerOrganizationCaseInsensitively() {
        String org = Fixtures.organization("Unique");
        String other = Fixtures.organization("Unique other");
        Credential su = Credentials.superuser();
        String email = Fixtures.email("Dup");
        Fixtures.user(org, "One", "User", email, null);
        su.spec().contentType("application/json").accept("application/json")
                .body(user("Two", "User", email.toUpperCase(), null)).post(users(org)).then().statusCode(409)
                .contentType("application/problem+json");
        // Allowed in another organization.
        Fixtures.user(other, "Three", "User", email, null);
        // Changing a second user's email to the first's is a conflict too; keeping one's own email is not.
        String second = Fixtures.user(org, "Four", "User", Fixtures.email("four"), null);
        Map<String, Object> body = user("Four", "User", email.toLowerCase(), null);
        body.put("version", 0);
        su.spec().contentType("application/json").body(body).put(users(org) + "/" + second).then().statusCode(409);
        su.spec().get(users(org)).then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    void invalidBodiesAre400NamingEachField() {
        String org = Fixtures.organization("Validation");
        Credential app = Credentials.application(org, Api.USERS);
        Map<String, Object> missing = user(null, "Last", Fixtures.email("v"), null);
        missing.remove("firstName");
        app.spec().contentType("application/json").accept("application/json").body(missing).post(users(org)).then()
                .statusCode(400).body("validationResult.field", equalTo(List.of("firstName")));
        app.spec().contentType("application/json").accept("application/json")
                .body(user("F".repeat(101), "L".repeat(101), "not-an-email", "0401234567")).post(users(org)).then()
                .statusCode(400)
                .body("validationResult.field", hasItems("firstName", "lastName", "email", "phoneNumber"));
        app.spec().contentType("application/json").accept("application/json")
                .body(user("A", "B", Fixtures.email("v"), "+0123")).post(users(org)).then()
                .statusCode(400).body("validationResult.field", equalTo(List.of("phoneNumber")));
        Map<String, Object> unknown = user("A", "B", Fixtures.email("v"), null);
        unknown.put("nickname", "ab");
        app.spec().contentType("application/json").accept("application/json").body(unknown).post(users(org)).then()
                .statusCode(400).body("validationResult.field", hasItem("nickname"));
        app.spec().contentType("application/xml; charset=UTF-8").accept("application/json")
                .body("<user><firstName>A</firstName><lastName>B</lastName><email>a@example.com</email>"
                        + "<nickname>ab</nickname></user>")
                .post(users(org)).then().statusCode(400).body("validationResult.field", hasItem("nickname"));
        app.spec().contentType("application/xml; charset=UTF-8").accept("application/xml")
                .body("<user><lastName>B</lastName><email>bad</email></user>").post(users(org)).then()
                .statusCode(400).contentType("application/problem+xml")
                .body(containsString("firstName")).body(containsString("email"));
        app.spec().get(users(org)).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aUsersUserApiIsOnUnlessSwitchedOffInJsonAndXml() {
        String org = Fixtures.organization("Users activation");
        Credential app = Credentials.application(org, Api.USERS);
        String on = app.spec().contentType("application/json").accept("application/json")
                .body(user("On", "Default", Fixtures.email("on"), null)).post(users(org)).then().statusCode(201)
                .body("userApiEnabled", equalTo(true)).extract().path("id");
        Map<String, Object> off = user("Off", "Created", Fixtures.email("off"), null);
        off.put("userApiEnabled", false);
        String offId = app.spec().contentType("application/json").accept("application/json").body(off)
                .post(users(org)).then().statusCode(201).body("userApiEnabled", equalTo(false)).extract().path("id");
        app.spec().accept("application/json").get(users(org) + "/" + on).then().statusCode(200)
                .body("userApiEnabled", equalTo(true));
        app.spec().accept("application/json").get(users(org) + "/" + offId).then().statusCode(200)
                .body("userApiEnabled", equalTo(false));

        XmlPath created = new XmlPath(app.spec().contentType("application/xml; charset=UTF-8")
                .accept("application/xml")
                .body("<user><firstName>Xml</firstName><lastName>Off</lastName><email>" + Fixtures.email("xml")
                        + "</email><userApiEnabled>false</userApiEnabled></user>")
                .post(users(org)).then().statusCode(201).extract().asString());
        assertThat(created.getString("user.userApiEnabled")).isEqualTo("false");
        String xmlId = created.getString("user.id");
        XmlPath read = new XmlPath(app.spec().accept("application/xml").get(users(org) + "/" + xmlId).then()
                .statusCode(200).extract().asString());
        assertThat(read.getString("user.userApiEnabled")).isEqualTo("false");
        XmlPath page = new XmlPath(app.spec().accept("application/xml").get(users(org)).then().statusCode(200)
                .extract().asString());
        assertThat(page.getList("page.items.user.userApiEnabled")).containsExactly("true", "false", "false");
    }

    @Test
    void anApplicationWithUsersSwitchesAUsersFlagButNotItsOrganizations() {
        String org = Fixtures.organization("Users flag by app");
        String other = Fixtures.organization("Users flag other tenant");
        String otherUser = Fixtures.user(other, "Other", "Tenant", Fixtures.email("other"), null);
        Credential app = Credentials.application(org, Api.USERS);
        String email = Fixtures.email("flag");
        String id = Fixtures.user(org, "Flag", "Holder", email, null);

        Map<String, Object> off = user("Flag", "Holder", email, null);
        off.put("userApiEnabled", false);
        app.spec().contentType("application/json").accept("application/json").header("If-Match", "\"0\"").body(off)
                .put(users(org) + "/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("userApiEnabled", equalTo(false)).body("version", equalTo(1));
        // A PUT without the flag keeps it; one with a stale version changes nothing.
        Map<String, Object> renamed = user("Flag", "Renamed", email, null);
        renamed.put("version", 1);
        app.spec().contentType("application/json").accept("application/json").body(renamed)
                .put(users(org) + "/" + id).then().statusCode(200).header("ETag", "\"2\"")
                .body("lastName", equalTo("Renamed")).body("userApiEnabled", equalTo(false));
        Map<String, Object> stale = user("Flag", "Renamed", email, null);
        stale.put("userApiEnabled", true);
        app.spec().contentType("application/json").accept("application/json").header("If-Match", "\"1\"")
                .body(stale).put(users(org) + "/" + id).then().statusCode(409)
                .contentType("application/problem+json");
        app.spec().accept("application/json").get(users(org) + "/" + id).then().statusCode(200)
                .header("ETag", "\"2\"").body("userApiEnabled", equalTo(false));
        // XML through the method override switches it back on.
        XmlPath on = new XmlPath(app.spec().contentType("application/xml; charset=UTF-8").accept("application/xml")
                .header("X-HTTP-Method-Override", "PUT")
                .body("<user><firstName>Flag</firstName><lastName>Renamed</lastName><email>" + email
                        + "</email><userApiEnabled>true</userApiEnabled><version>2</version></user>")
                .post(users(org) + "/" + id).then().statusCode(200).header("ETag", "\"3\"").extract().asString());
        assertThat(on.getString("user.userApiEnabled")).isEqualTo("true");

        // Another tenant's user reads as missing, and keeps its flag.
        Map<String, Object> foreign = user("Other", "Tenant", Fixtures.email("foreign"), null);
        foreign.put("userApiEnabled", false);
        foreign.put("version", 0);
        app.spec().contentType("application/json").accept("application/json").body(foreign)
                .put(users(org) + "/" + otherUser).then().statusCode(404);
        app.spec().contentType("application/json").accept("application/json").body(foreign)
                .put(users(other) + "/" + otherUser).then().statusCode(404);
        Credentials.superuser().spec().accept("application/json").get(users(other) + "/" + otherUser).then()
                .statusCode(200).body("userApiEnabled", equalTo(true)).body("version", equalTo(0));

        // The organization's own flags are SUPERUSER business.
        String orgPath = "/api/admin/v1/organizations/" + org;
        app.spec().contentType("application/json").accept("application/json")
                .body(Map.of("name", "Self-activated", "adminApiEnabled", false, "userApiEnabled", false, "version", 0))
                .put(orgPath).then().statusCode(403);
        app.spec().contentType("application/json").accept("application/json")
                .body(Map.of("name", "Self-made", "adminApiEnabled", true)).post("/api/admin/v1/organizations").then()
                .statusCode(403);
        Credentials.superuser().spec().accept("application/json").get(orgPath).then().statusCode(200)
                .body("adminApiEnabled", equalTo(true)).body("userApiEnabled", equalTo(true))
                .body("version", equalTo(0));
    }

    @Test
    void aFlagThatIsNotABooleanIs400NamingIt() {
        String org = Fixtures.organization("Users strict flag");
        Credential app = Credentials.application(org, Api.USERS);
        String email = Fixtures.email("strict");
        String id = Fixtures.user(org, "Strict", "Flag", email, null);
        for (Object value : List.of("yes", "false", 0, 1, List.of(false))) {
            Map<String, Object> body = user("Strict", "Flag", Fixtures.email("strict"), null);
            body.put("userApiEnabled", value);
            app.spec().contentType("application/json").accept("application/json").body(body).post(users(org)).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("validationResult.field", equalTo(List.of("userApiEnabled")));
            body.put("email", email);
            body.put("version", 0);
            app.spec().contentType("application/json").accept("application/json").body(body)
                    .put(users(org) + "/" + id).then().statusCode(400)
                    .body("validationResult.field", equalTo(List.of("userApiEnabled")));
        }
        for (String value : List.of("maybe", "0", "False", "")) {
            Response xml = app.spec().contentType("application/xml; charset=UTF-8").accept("application/xml")
                    .body("<user><firstName>A</firstName><lastName>B</lastName><email>" + Fixtures.email("x")
                            + "</email><userApiEnabled>" + value + "</userApiEnabled></user>")
                    .post(users(org));
            xml.then().statusCode(400).contentType("application/problem+xml");
            assertThat(new XmlPath(xml.asString()).getList("problem.validationResult.i.field"))
                    .containsExactly("userApiEnabled");
            app.spec().contentType("application/xml; charset=UTF-8").accept("application/json")
                    .body("<user><firstName>A</firstName><lastName>B</lastName><email>" + email + "</email>"
                            + "<userApiEnabled>" + value + "</userApiEnabled><version>0</version></user>")
                    .put(users(org) + "/" + id).then().statusCode(400)
                    .body("validationResult.field", equalTo(List.of("userApiEnabled")));
        }
        app.spec().get(users(org)).then().statusCode(200).body("total", equalTo(1));
        app.spec().accept("application/json").get(users(org) + "/" + id).then().statusCode(200)
                .body("version", equalTo(0)).body("userApiEnabled", equalTo(true));
    }

    @Test
    void pagingOfUsers() {
        String org = Fixtures.organization("Paging users");
        Credential app = Credentials.application(org, Api.USERS);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(Fixtures.user(org, "P" + i, "Pager", Fixtures.email("p" + i), null));
        }
        app.spec().get(users(org) + "?limit=2&offset=1").then().statusCode(200).body("total", equalTo(5))
                .body("limit", equalTo(2)).body("offset", equalTo(1)).body("items.id", equalTo(ids.subList(1, 3)));
        app.spec().get(users(org) + "?offset=4").then().statusCode(200).body("total", equalTo(5))
                .body("limit", equalTo(50)).body("items.id", equalTo(ids.subList(4, 5)));
        app.spec().get(users(org) + "?offset=10").then().statusCode(200).body("total", equalTo(5))
                .body("items", hasSize(0));
        for (String bad : List.of("limit=0", "limit=501", "offset=-1", "limit=abc", "offset=1.5")) {
            app.spec().accept("application/json").get(users(org) + "?" + bad).then().statusCode(400)
                    .body("validationResult.field", hasItem(bad.substring(0, bad.indexOf('='))));
        }
    }

    @Test
    void theUserListFindsUsersByAFragmentOrTheirIdWithinTheOrganizationOnly() {
        String org = Fixtures.organization("Searching users");
        String other = Fixtures.organization("Other searched users");
        Credential app = Credentials.application(org, Api.USERS);
        String ada = Fixtures.user(org, "Ada", "Lovelace", Fixtures.email("ada"), null);
        String alan = Fixtures.user(org, "Alan", "Turing", Fixtures.email("alan"), null);
        Fixtures.user(org, "Grace", "Hopper_100%", Fixtures.email("grace"), null);
        Fixtures.user(other, "Ada", "Elsewhere", Fixtures.email("ada2"), null);
        app.spec().get(users(org) + "?q=LOVE").then().statusCode(200).body("total", equalTo(1))
                .body("items.id", equalTo(List.of(ada)));
        app.spec().get(users(org) + "?q=a&limit=1&offset=1").then().statusCode(200).body("total", equalTo(3))
                .body("items.id", equalTo(List.of(alan)));
        app.spec().get(users(org) + "?q=" + alan).then().statusCode(200).body("items.id", equalTo(List.of(alan)));
        // LIKE's metacharacters are matched literally.
        app.spec().queryParam("q", "_100%").get(users(org)).then().statusCode(200).body("total", equalTo(1));
        app.spec().queryParam("q", "%").get(users(org)).then().statusCode(200).body("total", equalTo(1));
        app.spec().accept("application/xml").get(users(org) + "?q=nobody").then().statusCode(200)
                .body("page.total", equalTo("0"));
        // A search form sent empty lists them all; a fragment longer than a search takes is refused.
        app.spec().queryParam("q", " ").get(users(org)).then().statusCode(200).body("total", equalTo(3));
        app.spec().accept("application/json").queryParam("q", "x".repeat(101)).get(users(org)).then()
                .statusCode(400).body("validationResult.field", hasItem("q"));
    }

    @Test
    void conventionsOnUsers() {
        String org = Fixtures.organization("Conventions");
        Credential app = Credentials.application(org, Api.USERS);
        String id = Fixtures.user(org, "Pat", "Ch", Fixtures.email("pat"), null);
        app.spec().contentType("application/json").body(Map.of("firstName", "x")).patch(users(org) + "/" + id)
                .then().statusCode(501);
        app.spec().contentType("application/json").accept("application/json")
                .body(user("Pat", "Ch", Fixtures.email("pat"), null)).put(users(org) + "/" + id).then()
                .statusCode(400).body("validationResult.field", hasItem("version"));
    }

    /**
     * Quarkus REST answers 404, not 405, here: the request also prefix-matches OrganizationResource's path, and the
     * router's fall-through to that class turns the 405 into a 404. The fix belongs to http-conventions (a framework 404 on a
     * path that {@code AllowedMethods} knows is a 405 with {@code Allow}); until then this stays disabled.
     */
    @Test
    void aMethodTheUsersCollectionDoesNotHaveIs405WithAllow() {
        String org = Fixtures.organization("Conventions 405");
        Credential app = Credentials.application(org, Api.USERS);
        app.spec().accept("application/json").delete(users(org)).then().statusCode(405)
                .header("Allow", containsString("GET")).header("Allow", containsString("POST"))
                .header("Allow", not(containsString("DELETE")));
    }

    @Test
    void parallelCreatesWithTheSameEmailYieldExactlyOneUser() throws Exception {
        String org = Fixtures.organization("Race create");
        Credential app = Credentials.application(org, Api.USERS);
        app.spec().get(users(org)).then().statusCode(200); // the decision is cached before the race
        String email = Fixtures.email("race");
        List<Integer> statuses = race(8, i -> app.spec().contentType("application/json")
                .body(user("R" + i, "Racer", i % 2 == 0 ? email : email.toUpperCase(), null)).post(users(org))
                .statusCode());
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        app.spec().get(users(org)).then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void aUserCreatedWhileTheOrganizationIsBeingDeletedIs404() throws Exception {
        String org = Fixtures.organization("Deleted meanwhile");
        Credential app = Credentials.application(org, Api.USERS);
        HeldOrganization.deletedDuring(org, "directory_user", () -> app.spec().contentType("application/json")
                .accept("application/json").body(user("Late", "Comer", Fixtures.email("late"), null)).post(users(org)))
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("Organization not found."));
    }

    @Test
    void parallelUpdatesOfTheSameVersionYieldExactlyOneWinner() throws Exception {
        String org = Fixtures.organization("Race update");
        Credential app = Credentials.application(org, Api.USERS);
        String email = Fixtures.email("upd");
        String id = Fixtures.user(org, "Up", "Dater", email, null);
        app.spec().get(users(org) + "/" + id).then().statusCode(200);
        List<Integer> statuses = race(8, i -> app.spec().contentType("application/json").header("If-Match", "\"0\"")
                .body(user("Up" + i, "Dater", email, null)).put(users(org) + "/" + id).statusCode());
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        app.spec().get(users(org) + "/" + id).then().statusCode(200).body("version", equalTo(1))
                .header("ETag", "\"1\"");
    }

    interface Attempt {
        int run(int i) throws Exception;
    }

    static List<Integer> race(int n, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<Integer> task = () -> {
                    start.await();
                    return attempt.run(index);
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
