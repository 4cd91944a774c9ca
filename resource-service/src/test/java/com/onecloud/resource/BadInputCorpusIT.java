package com.onecloud.resource;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.onecloud.access.Api;
import com.onecloud.testsupport.DoubleCredentials;
import com.onecloud.testsupport.corpus.BadInputCorpus;
import com.onecloud.testsupport.corpus.Case;
import com.onecloud.testsupport.corpus.CommonCases;
import com.onecloud.testsupport.corpus.CommonCases.BodyEndpoint;
import com.onecloud.testsupport.corpus.OpenApiCases;
import com.onecloud.testsupport.corpus.RawHttp;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;

/**
 * resource-service's bad-input corpus, against the packaged service: cases derived from its OpenAPI document, the
 * shared hostile bodies and header rules, and its own: other tenants' resources, paging extremes, search
 * metacharacters, strict flags. Every case: the exact status, a problem body, no 5xx, no internals. Add a case here
 * when a bad input is found that none of these covers.
 */
@QuarkusIntegrationTest
class BadInputCorpusIT {

    private static final String ORGS = "/api/admin/v1/organizations";
    private static final String CONTACTS = "/api/user/v1/contacts";
    private static final String SEARCH = CONTACTS + "/search";

    @TestFactory
    Stream<DynamicTest> badInputCorpus() {
        RawHttp http = new RawHttp("localhost", RestAssured.port);
        World w = new World();
        BadInputCorpus corpus = new BadInputCorpus("resource-service", http);
        corpus.addAll(OpenApiCases.derive(OpenApiCases.fetch(http), w));

        BodyEndpoint contacts = new BodyEndpoint("POST", CONTACTS, w.userA, "firstName", "contact");
        BodyEndpoint users = new BodyEndpoint("POST", w.usersOf(w.orgA), w.appA, "lastName", "user");
        BodyEndpoint orgs = new BodyEndpoint("PUT", ORGS + "/" + w.orgA, w.superuser, "name", "organization");
        corpus.addAll(CommonCases.hostileBodies(contacts));
        corpus.addAll(CommonCases.hostileBodies(users));
        corpus.addAll(CommonCases.hostileBodies(orgs));
        corpus.addAll(CommonCases.headerRules(contacts));
        corpus.addAll(CommonCases.codecRefusals(CONTACTS));

        // The input of the report that started this corpus: each was a 500 or was silently coerced.
        corpus.add(
                Case.of("NUL in a JSON string (was 500)").post(CONTACTS).auth(w.userA)
                        .json("{\"firstName\":\"a\\u0000b\"}").expect(400).field("firstName"),
                Case.of("a number for a string (was 201 with \"12\")").post(CONTACTS).auth(w.userA)
                        .json("{\"firstName\":12}").expect(400).field("firstName"),
                Case.of("a control character a JSON body could store, XML could not return (was 201)")
                        .post(CONTACTS).auth(w.userA).json("{\"firstName\":\"a\\u0001b\"}").expect(400)
                        .field("firstName"),
                Case.of("a string for the version (was read as 1)").post(CONTACTS).auth(w.userA)
                        .json("{\"firstName\":\"x\",\"version\":\"1\"}").expect(400).field("version"),
                Case.of("a fraction for the version (was read as 1)").post(CONTACTS).auth(w.userA)
                        .json("{\"firstName\":\"x\",\"version\":1.5}").expect(400).field("version"),
                Case.of("NUL in the search query (was 500)").get(SEARCH + "?q=a%00b").auth(w.userA).expect(400)
                        .field("q"),
                Case.of("NUL as a contact id (was 500)").get(CONTACTS + "/%00").auth(w.userA).expect(400)
                        .field("path"),
                Case.of("OPTIONS on the collection lists what it serves (listed PUT and DELETE)").options(CONTACTS)
                        .expect(200).allow("GET, HEAD, OPTIONS, POST"),
                Case.of("PUT on the search lists what the search serves (listed PUT)").put(SEARCH).auth(w.userA)
                        .expect(405).allow("GET, HEAD, OPTIONS"),
                Case.of("GET on a dot segment leading nowhere (was 405 allowing GET)").get(CONTACTS + "/..")
                        .auth(w.userA).expect(404),
                Case.of("XML under a root of another representation (was 201)").post(CONTACTS).auth(w.userA)
                        .xml("<user><firstName>x</firstName></user>").expect(400).field("body"),
                Case.of("an XML attribute (was ignored)").post(CONTACTS).auth(w.userA)
                        .xml("<contact><firstName lang=\"en\">x</firstName></contact>").expect(400).field("lang"),
                Case.of("a control character under XML 1.1 (was 201)").post(CONTACTS).auth(w.userA)
                        .xml("<?xml version=\"1.1\"?><contact><firstName>a&#1;b</firstName></contact>").expect(400)
                        .field("firstName"));

        // Other tenants: another organization's resources, and another user's contacts, read as missing.
        corpus.add(
                Case.of("another organization's users").get(w.usersOf(w.orgB)).auth(w.appA).expect(404),
                Case.of("another organization's user").get(w.usersOf(w.orgB) + "/" + w.userOfB).auth(w.appA)
                        .expect(404),
                Case.of("replacing another organization's user").put(w.usersOf(w.orgB) + "/" + w.userOfB)
                        .auth(w.appA).header("If-Match", "\"0\"")
                        .json("{\"firstName\":\"x\",\"lastName\":\"y\",\"email\":\"x@example.com\"}").expect(404),
                Case.of("deleting another organization's user").delete(w.usersOf(w.orgB) + "/" + w.userOfB)
                        .auth(w.appA).expect(404),
                Case.of("creating a user in another organization").post(w.usersOf(w.orgB)).auth(w.appA)
                        .json("{\"firstName\":\"x\",\"lastName\":\"y\",\"email\":\"x@example.com\"}").expect(404),
                Case.of("another organization's user in this organization's path").get(w.usersOf(w.orgA) + "/"
                        + w.userOfB).auth(w.appA).expect(404),
                Case.of("another user's contact").get(CONTACTS + "/" + w.contactOfA2).auth(w.userA).expect(404),
                Case.of("another organization's contact").get(CONTACTS + "/" + w.contactOfB).auth(w.userA)
                        .expect(404),
                Case.of("replacing another user's contact").put(CONTACTS + "/" + w.contactOfA2).auth(w.userA)
                        .header("If-Match", "\"0\"").json("{\"firstName\":\"x\"}").expect(404),
                Case.of("deleting another organization's contact").delete(CONTACTS + "/" + w.contactOfB)
                        .auth(w.userA).expect(404),
                Case.of("an organization's application on the organizations").get(ORGS + "/" + w.orgA)
                        .auth(w.appA).expect(403),
                Case.of("a user on the Admin API").get(w.usersOf(w.orgA)).auth(w.userA).expect(403),
                Case.of("the search finds nothing of another organization").get(SEARCH + "?q=Bjorn").auth(w.userA)
                        .expect(200).checkJson(page -> assertEquals(0, page.path("total").asInt())));

        // Paging at and past its limits, on every collection.
        for (String collection : new String[] { CONTACTS, SEARCH + "?q=a", ORGS, w.usersOf(w.orgA) }) {
            String auth = collection.startsWith(ORGS + "/") ? w.appA : collection.equals(ORGS) ? w.superuser
                    : w.userA;
            String join = collection.contains("?") ? "&" : "?";
            for (String[] bad : new String[][] { { "limit=0", "limit" }, { "limit=-1", "limit" },
                    { "limit=501", "limit" }, { "limit=99999999999999999999", "limit" }, { "limit=abc", "limit" },
                    { "limit=1.5", "limit" }, { "offset=-1", "offset" }, { "offset=99999999999999999999", "offset" },
                    { "limit=%01", "limit" } }) {
                corpus.add(Case.of("paging " + bad[0]).get(collection + join + bad[0]).auth(auth).expect(400)
                        .field(bad[1]));
            }
            corpus.add(Case.of("paging at its maximum").get(collection + join + "limit=500&offset=2147483647")
                    .auth(auth).expect(200).checkJson(page -> assertEquals(500, page.path("limit").asInt())));
        }

        // Search: LIKE and SQL metacharacters are text, never patterns or statements; the query's own bounds.
        for (String q : new String[] { "%25", "_", "%5C", "%25%25", "__", "%27%3B+DROP+TABLE+contacts%3B--",
                "%27+OR+%271%27%3D%271", "%5C%25" }) {
            corpus.add(Case.of("search for " + q + " matches it literally").get(SEARCH + "?q=" + q).auth(w.userA)
                    .expect(200).checkJson(page -> assertEquals(0, page.path("total").asInt(), page.toString())));
        }
        corpus.add(
                Case.of("search still finds a name").get(SEARCH + "?q=alic").auth(w.userA).expect(200)
                        .checkJson(page -> assertTrue(page.path("total").asInt() >= 1, page.toString())),
                Case.of("search without q").get(SEARCH).auth(w.userA).expect(400).field("q"),
                Case.of("search for nothing").get(SEARCH + "?q=").auth(w.userA).expect(400).field("q"),
                Case.of("search for blanks").get(SEARCH + "?q=+++").auth(w.userA).expect(400).field("q"),
                Case.of("search for 101 characters").get(SEARCH + "?q=" + "a".repeat(101)).auth(w.userA)
                        .expect(400).field("q"),
                Case.of("ESC in the search query").get(SEARCH + "?q=%1B").auth(w.userA).expect(400).field("q"),
                Case.of("a non-character in the search query").get(SEARCH + "?q=%EF%BF%BF").auth(w.userA)
                        .expect(400).field("q"),
                Case.of("NUL in the name of a query parameter").get(CONTACTS + "?a%00b=1").auth(w.userA)
                        .expect(400).field("a%00b"),
                Case.of("NUL in the t parameter, before any credential is read").get(CONTACTS + "?t=%00")
                        .expect(400).field("t"));

        // Flags take true or false only; versions are the resource's ETag.
        corpus.add(
                Case.of("a flag as a string").put(ORGS + "/" + w.orgA).auth(w.superuser)
                        .json("{\"name\":\"A\",\"adminApiEnabled\":\"true\",\"version\":0}").expect(400)
                        .field("adminApiEnabled"),
                Case.of("a flag as a number").post(w.usersOf(w.orgA)).auth(w.appA)
                        .json("{\"firstName\":\"x\",\"lastName\":\"y\",\"email\":\"f@example.com\","
                                + "\"userApiEnabled\":1}").expect(400).field("userApiEnabled"),
                Case.of("a flag in XML that is neither").put(ORGS + "/" + w.orgA).auth(w.superuser).acceptXml()
                        .xml("<organization><name>A</name><userApiEnabled>maybe</userApiEnabled></organization>")
                        .expect(400).field("userApiEnabled"),
                Case.of("If-Match that is not an ETag").put(CONTACTS + "/" + w.contactOfA).auth(w.userA)
                        .header("If-Match", "\"abc\"").json("{\"firstName\":\"x\"}").expect(400).field("If-Match"),
                Case.of("a PUT without a version").put(CONTACTS + "/" + w.contactOfA).auth(w.userA)
                        .json("{\"firstName\":\"x\"}").expect(400).field("version"),
                Case.of("a stale version").put(CONTACTS + "/" + w.contactOfA).auth(w.userA)
                        .header("If-Match", "\"41\"").json("{\"firstName\":\"x\"}").expect(409),
                Case.of("an E.164 number with letters").post(CONTACTS).auth(w.userA)
                        .json("{\"firstName\":\"x\",\"phoneNumber\":\"+35840abc\"}").expect(400).field("phoneNumber"),
                Case.of("a name longer than its limit").post(CONTACTS).auth(w.userA)
                        .json("{\"firstName\":\"" + "x".repeat(101) + "\"}").expect(400).field("firstName"),
                Case.of("an unknown field in XML").post(CONTACTS).auth(w.userA).acceptXml()
                        .xml("<contact><firstName>x</firstName><nickname>y</nickname></contact>").expect(400)
                        .field("nickname"),
                Case.of("no body at all").post(CONTACTS).auth(w.userA).json("").expect(400).field("body"));

        // Dotted and encoded paths: decided on the path routing sees.
        corpus.add(
                Case.of("the management prefix dotted away still needs a credential").get("/q/../" + CONTACTS)
                        .expect(401),
                Case.of("encoded dot segments lead out of the User API").get(CONTACTS + "/%2e%2e/%2e%2e/%2e%2e/admin"
                        + "/v1/organizations").auth(w.userA).expect(403),
                Case.of("an encoded slash stays inside its segment").get(CONTACTS + "/a%2Fb").auth(w.userA)
                        .expect(404),
                Case.of("an encoded slash with dots stays inside its segment").get(CONTACTS + "/..%2F..%2Fq%2Fhealth")
                        .auth(w.userA).expect(404),
                Case.of("NUL in the path of an unknown resource").get("/api/nothing/%00").expect(400).field("path"),
                Case.of("OPTIONS where nothing is").options("/api/nothing").expect(404),
                Case.of("OPTIONS dotted onto a user").options(w.usersOf(w.orgA) + "/" + w.userOfA + "/x/..")
                        .expect(200).allow("DELETE, GET, HEAD, OPTIONS, PUT"),
                Case.of("an unknown method").request("FOO", CONTACTS).auth(w.userA).expect(405)
                        .allow("GET, HEAD, OPTIONS, POST"),
                Case.of("an unknown path asking for XML").get("/api/nothing").acceptXml().expect(404),
                Case.of("two credentials").get(CONTACTS + "?t=x").auth(w.userA).expect(400));
        return corpus.tests();
    }

    /** What the corpus works on: two organizations, each with an application, users, and contacts. */
    private static final class World implements OpenApiCases.Fixture {

        final String superuser = DoubleCredentials.superuser();
        final String orgA = create(ORGS, superuser, Map.of("name", "Corpus A", "adminApiEnabled", true,
                "userApiEnabled", true));
        final String orgB = create(ORGS, superuser, Map.of("name", "Corpus B", "adminApiEnabled", true,
                "userApiEnabled", true));
        final String appA = DoubleCredentials.application(orgA, Api.USERS);
        final String appB = DoubleCredentials.application(orgB, Api.USERS);
        final String userOfA = create(usersOf(orgA), appA, Map.of("firstName", "Alice", "lastName", "Andersson",
                "email", "alice-" + System.nanoTime() + "@example.com"));
        final String userOfA2 = create(usersOf(orgA), appA, Map.of("firstName", "Aino", "lastName", "Aalto",
                "email", "aino-" + System.nanoTime() + "@example.com"));
        final String userOfB = create(usersOf(orgB), appB, Map.of("firstName", "Bjorn", "lastName", "Berg",
                "email", "bjorn-" + System.nanoTime() + "@example.com"));
        final String userA = DoubleCredentials.user(orgA, userOfA, Api.CONTACTS);
        final String userA2 = DoubleCredentials.user(orgA, userOfA2, Api.CONTACTS);
        final String userB = DoubleCredentials.user(orgB, userOfB, Api.CONTACTS);
        final String contactOfA = create(CONTACTS, userA, Map.of("firstName", "Carl", "company", "Acme"));
        final String contactOfA2 = create(CONTACTS, userA2, Map.of("firstName", "Cecilia"));
        final String contactOfB = create(CONTACTS, userB, Map.of("firstName", "Cedric"));

        String usersOf(String orgId) {
            return ORGS + "/" + orgId + "/users";
        }

        @Override
        public String pathValue(String template, String parameter) {
            return switch (parameter) {
                case "orgId" -> orgA;
                case "userId" -> userOfA;
                default -> contactOfA;
            };
        }

        @Override
        public String authorization(String method, String template) {
            if (template.startsWith(ORGS + "/{orgId}/users")) {
                return appA;
            }
            return template.startsWith(ORGS) ? superuser : userA;
        }

        private static String create(String collection, String authorization, Map<String, Object> body) {
            return given().header("Authorization", authorization).contentType("application/json").body(body)
                    .post(collection).then().statusCode(201).extract().path("id");
        }
    }
}
