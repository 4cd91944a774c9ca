package com.onecloud.ticket;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.onecloud.access.Api;
import com.onecloud.access.credential.TokenFormat;
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
 * ticket-service's bad-input corpus, against the packaged service: cases derived from its OpenAPI document, the
 * shared hostile bodies and header rules, and its own: ticket fields and their limits, rotation's grace, other
 * organizations' and users' tickets, list filters and paging. Add a case here when a bad input is found that none of
 * these covers.
 */
@QuarkusIntegrationTest
class BadInputCorpusIT {

    private static final String PLATFORM = "/api/admin/v1/tickets";
    private static final String OWN = "/api/user/v1/tickets";

    @TestFactory
    Stream<DynamicTest> badInputCorpus() {
        RawHttp http = new RawHttp("localhost", RestAssured.port);
        World w = new World();
        BadInputCorpus corpus = new BadInputCorpus("ticket-service", http);
        corpus.addAll(OpenApiCases.derive(OpenApiCases.fetch(http), w));

        String tickets = w.ticketsOf(w.orgA);
        BodyEndpoint create = new BodyEndpoint("POST", tickets, w.appA, "name", "ticket");
        corpus.addAll(CommonCases.hostileBodies(create));
        corpus.addAll(CommonCases.hostileBodies(new BodyEndpoint("POST", OWN, w.userA, "name", "ticket")));
        corpus.addAll(CommonCases.headerRules(create));
        corpus.addAll(CommonCases.codecRefusals(tickets));

        // The input of the report that started this corpus: each was a 500 or was silently coerced.
        corpus.add(
                Case.of("NUL in a ticket's name (was 500)").post(tickets).auth(w.appA)
                        .json("{\"name\":\"a\\u0000b\",\"kind\":\"APPLICATION\",\"apis\":[\"USERS\"]}").expect(400)
                        .field("name"),
                Case.of("NUL in a USER ticket's userId (was 500)").post(tickets).auth(w.appA)
                        .json("{\"name\":\"x\",\"kind\":\"USER\",\"userId\":\"a\\u0000\",\"apis\":[\"CONTACTS\"]}")
                        .expect(400).field("userId"),
                Case.of("a number for the name (was 201 named \"5\")").post(tickets).auth(w.appA)
                        .json("{\"name\":5,\"kind\":\"APPLICATION\",\"apis\":[\"USERS\"]}").expect(400).field("name"),
                Case.of("a number for expiresAt (was read as seconds since 1970)").post(tickets).auth(w.appA)
                        .json("{\"name\":\"x\",\"kind\":\"APPLICATION\",\"apis\":[\"USERS\"],\"expiresAt\":4102444800}")
                        .expect(400).field("expiresAt"),
                Case.of("NUL in the userId filter (was 500)").get(tickets + "?userId=%00").auth(w.appA).expect(400)
                        .field("userId"),
                Case.of("NUL as a ticket id (was 500)").get(tickets + "/%00").auth(w.appA).expect(400).field("path"),
                Case.of("a string for graceSeconds (was read as 10)").post(w.rotationOf(w.ticketOfA)).auth(w.appA)
                        .json("{\"graceSeconds\":\"10\"}").expect(400).field("graceSeconds"),
                Case.of("a fraction for graceSeconds (was read as 1)").post(w.rotationOf(w.ticketOfA)).auth(w.appA)
                        .json("{\"graceSeconds\":1.5}").expect(400).field("graceSeconds"),
                Case.of("OPTIONS on the collection lists what it serves (listed DELETE)").options(tickets)
                        .expect(200).allow("GET, HEAD, OPTIONS, POST"));

        // A ticket's fields and their limits.
        String app = "\"kind\":\"APPLICATION\",\"apis\":[\"USERS\"]";
        corpus.add(
                Case.of("graceSeconds below 0").post(w.rotationOf(w.ticketOfA)).auth(w.appA)
                        .json("{\"graceSeconds\":-1}").expect(400).field("graceSeconds"),
                Case.of("graceSeconds above a day").post(w.rotationOf(w.ticketOfA)).auth(w.appA)
                        .json("{\"graceSeconds\":86401}").expect(400).field("graceSeconds"),
                Case.of("graceSeconds past any integer").post(w.rotationOf(w.ticketOfA)).auth(w.appA)
                        .json("{\"graceSeconds\":99999999999999999999}").expect(400).field("graceSeconds"),
                Case.of("graceSeconds as a boolean").post(w.rotationOf(w.ticketOfA)).auth(w.appA)
                        .json("{\"graceSeconds\":true}").expect(400).field("graceSeconds"),
                Case.of("a kind that does not exist").post(tickets).auth(w.appA)
                        .json("{\"name\":\"x\",\"kind\":\"ADMIN\",\"apis\":[\"USERS\"]}").expect(400).field("kind"),
                Case.of("a SUPERUSER ticket under an organization").post(tickets).auth(w.appA)
                        .json("{\"name\":\"x\",\"kind\":\"SUPERUSER\",\"apis\":[\"USERS\"]}").expect(400)
                        .field("kind"),
                Case.of("an API that does not exist").post(tickets).auth(w.appA)
                        .json("{\"name\":\"x\",\"kind\":\"APPLICATION\",\"apis\":[\"EVERYTHING\"]}").expect(400)
                        .field("apis"),
                Case.of("no APIs").post(tickets).auth(w.appA)
                        .json("{\"name\":\"x\",\"kind\":\"APPLICATION\",\"apis\":[]}").expect(400).field("apis"),
                Case.of("no name").post(tickets).auth(w.appA).json("{" + app + "}").expect(400).field("name"),
                Case.of("a blank name").post(tickets).auth(w.appA).json("{\"name\":\"  \"," + app + "}")
                        .expect(400).field("name"),
                Case.of("a name over 200 characters").post(tickets).auth(w.appA)
                        .json("{\"name\":\"" + "n".repeat(201) + "\"," + app + "}").expect(400).field("name"),
                Case.of("a userId over 64 characters").post(tickets).auth(w.appA)
                        .json("{\"name\":\"x\",\"kind\":\"USER\",\"userId\":\"" + "u".repeat(65)
                                + "\",\"apis\":[\"CONTACTS\"]}").expect(400).field("userId"),
                Case.of("a USER ticket without a user").post(tickets).auth(w.appA)
                        .json("{\"name\":\"x\",\"kind\":\"USER\",\"apis\":[\"CONTACTS\"]}").expect(400)
                        .field("userId"),
                Case.of("expiresAt in the past").post(tickets).auth(w.appA)
                        .json("{\"name\":\"x\"," + app + ",\"expiresAt\":\"2001-01-01T00:00:00Z\"}").expect(400)
                        .field("expiresAt"),
                Case.of("expiresAt past the maximum validity").post(tickets).auth(w.appA)
                        .json("{\"name\":\"x\"," + app + ",\"expiresAt\":\"2999-01-01T00:00:00Z\"}").expect(400)
                        .field("expiresAt"),
                Case.of("expiresAt that is not a time").post(tickets).auth(w.appA)
                        .json("{\"name\":\"x\"," + app + ",\"expiresAt\":\"tomorrow\"}").expect(400)
                        .field("expiresAt"),
                Case.of("expiresAt in XML that is not a time").post(tickets).auth(w.appA).acceptXml()
                        .xml("<ticket><name>x</name><kind>APPLICATION</kind><apis><api>USERS</api></apis>"
                                + "<expiresAt>tomorrow</expiresAt></ticket>").expect(400).field("expiresAt"),
                Case.of("an API in XML that does not exist").post(tickets).auth(w.appA).acceptXml()
                        .xml("<ticket><name>x</name><kind>APPLICATION</kind><apis><api>NOPE</api></apis></ticket>")
                        .expect(400).field("apis"),
                Case.of("a user's token with an API its credential lacks").post(OWN).auth(w.userA)
                        .json("{\"name\":\"x\",\"apis\":[\"TICKETS\"]}").expect(403),
                Case.of("a user's token with a kind").post(OWN).auth(w.userA)
                        .json("{\"name\":\"x\",\"kind\":\"SUPERUSER\",\"apis\":[\"CONTACTS\"]}").expect(400)
                        .field("kind"));

        // Other tenants: another organization's and another user's tickets read as missing.
        corpus.add(
                Case.of("another organization's tickets").get(w.ticketsOf(w.orgB)).auth(w.appA).expect(404),
                Case.of("another organization's ticket").get(w.ticketsOf(w.orgB) + "/" + w.ticketOfB).auth(w.appA)
                        .expect(404),
                Case.of("another organization's ticket under this organization").get(tickets + "/" + w.ticketOfB)
                        .auth(w.appA).expect(404),
                Case.of("revoking another organization's ticket").delete(tickets + "/" + w.ticketOfB).auth(w.appA)
                        .expect(404),
                Case.of("rotating another organization's ticket").post(w.rotationOf(w.ticketOfB)).auth(w.appA)
                        .json("{}").expect(404),
                Case.of("issuing in another organization").post(w.ticketsOf(w.orgB)).auth(w.appA)
                        .json("{\"name\":\"x\"," + app + "}").expect(404),
                Case.of("another user's token").get(OWN + "/" + w.tokenOfA2).auth(w.userA).expect(404),
                Case.of("revoking another user's token").delete(OWN + "/" + w.tokenOfA2).auth(w.userA).expect(404),
                Case.of("an organization's ticket as a user's own").get(OWN + "/" + w.ticketOfA).auth(w.userA)
                        .expect(404),
                Case.of("a SUPERUSER ticket through an organization").get(tickets + "/" + w.superuserTicket)
                        .auth(w.appA).expect(404),
                Case.of("an application on the platform's tickets").get(PLATFORM).auth(w.appA).expect(403),
                Case.of("a user on an organization's tickets").get(tickets).auth(w.userA).expect(403),
                Case.of("a superuser on a user's own tokens").get(OWN).auth(w.superuser).expect(403),
                Case.of("a ticket id that was never issued").get(tickets + "/" + TokenFormat.newId()).auth(w.appA)
                        .expect(404));

        // Filters and paging.
        for (String[] list : new String[][] { { tickets, w.appA }, { PLATFORM, w.superuser }, { OWN, w.userA } }) {
            for (String[] bad : new String[][] { { "limit=0", "limit" }, { "limit=-1", "limit" },
                    { "limit=501", "limit" }, { "limit=99999999999999999999", "limit" }, { "offset=-1", "offset" },
                    { "limit=x", "limit" }, { "status=bogus", "status" }, { "status=%1B", "status" } }) {
                corpus.add(Case.of("list with " + bad[0]).get(list[0] + "?" + bad[0]).auth(list[1]).expect(400)
                        .field(bad[1]));
            }
            corpus.add(Case.of("a list at its paging maximum").get(list[0] + "?limit=500&offset=2147483647")
                    .auth(list[1]).expect(200).checkJson(page -> assertEquals(0, page.path("items").size())));
        }
        corpus.add(Case.of("a kind filter that does not exist").get(tickets + "?kind=ROOT").auth(w.appA).expect(400)
                .field("kind"));
        for (String userId : List.of("%25", "_", "%5C", "%27%3B+DROP+TABLE+ticket%3B--", "%27+OR+%271%27%3D%271")) {
            corpus.add(Case.of("userId filter " + userId + " matches it literally").get(tickets + "?userId=" + userId)
                    .auth(w.appA).expect(200).checkJson(page -> assertEquals(0, page.path("total").asInt())));
        }
        return corpus.tests();
    }

    /** Two organizations with an application and tickets each, a user with two tokens, a SUPERUSER ticket. */
    private static final class World implements OpenApiCases.Fixture {

        final String superuser = DoubleCredentials.superuser(Api.TICKETS, Api.USERS);
        final String orgA = TokenFormat.newId();
        final String orgB = TokenFormat.newId();
        final String appA = DoubleCredentials.application(orgA, Api.TICKETS, Api.USERS);
        final String appB = DoubleCredentials.application(orgB, Api.TICKETS, Api.USERS);
        final String userOfA = TokenFormat.newId();
        final String userA = DoubleCredentials.user(orgA, userOfA, Api.CONTACTS);
        final String userA2 = DoubleCredentials.user(orgA, TokenFormat.newId(), Api.CONTACTS);
        final String ticketOfA = issue(ticketsOf(orgA), appA, "APPLICATION");
        final String ticketOfB = issue(ticketsOf(orgB), appB, "APPLICATION");
        final String superuserTicket = issue(PLATFORM, superuser, "SUPERUSER");
        final String tokenOfA = issue(OWN, userA, null);
        final String tokenOfA2 = issue(OWN, userA2, null);

        String ticketsOf(String orgId) {
            return "/api/admin/v1/organizations/" + orgId + "/tickets";
        }

        String rotationOf(String ticketId) {
            return ticketsOf(orgA) + "/" + ticketId + "/rotation";
        }

        @Override
        public String pathValue(String template, String parameter) {
            if (parameter.equals("orgId")) {
                return orgA;
            }
            return template.startsWith(PLATFORM) ? superuserTicket : template.startsWith(OWN) ? tokenOfA : ticketOfA;
        }

        @Override
        public String authorization(String method, String template) {
            return template.startsWith(PLATFORM) ? superuser : template.startsWith(OWN) ? userA : appA;
        }

        private static String issue(String collection, String authorization, String kind) {
            Map<String, Object> body = kind == null ? Map.of("name", "corpus", "apis", List.of("CONTACTS"))
                    : Map.of("name", "corpus", "kind", kind, "apis", List.of("USERS"));
            return given().header("Authorization", authorization).contentType("application/json").body(body)
                    .post(collection).then().statusCode(201).extract().path("id");
        }
    }
}
