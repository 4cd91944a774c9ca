package com.onecloud.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.onecloud.testsupport.corpus.BadInputCorpus;
import com.onecloud.testsupport.corpus.Case;
import com.onecloud.testsupport.corpus.CommonCases;
import com.onecloud.testsupport.corpus.CommonCases.BodyEndpoint;
import com.onecloud.testsupport.corpus.OpenApiCases;
import com.onecloud.testsupport.corpus.RawHttp;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;

/**
 * auth-service's bad-input corpus, against the packaged service: its decision API, read by two lanes (the fast lane
 * for the callers' ordinary requests, the REST resource for the rest, e.g. a chunked body), refuses a decision request
 * it cannot read exactly as the other services refuse a body. A caller only ever sends well-formed requests; these
 * prove that nothing else gets a decision, a 5xx or a stack trace. Add a case here when a bad input is found that none
 * of these covers.
 */
@QuarkusIntegrationTest
class BadInputCorpusIT {

    private static final String DECISIONS = "/api/internal/v1/decisions";

    @TestFactory
    Stream<DynamicTest> badInputCorpus() {
        RawHttp http = new RawHttp("localhost", RestAssured.port);
        BadInputCorpus corpus = new BadInputCorpus("auth-service", http);
        corpus.addAll(OpenApiCases.derive(OpenApiCases.fetch(http), new OpenApiCases.Fixture() {
            @Override
            public String pathValue(String template, String parameter) {
                return "x";
            }

            @Override
            public String authorization(String method, String template) {
                return null; // internal: reached only from inside the cluster, with no credential of its own
            }
        }));
        BodyEndpoint decide = new BodyEndpoint("POST", DECISIONS, null, "authorization", null);
        corpus.addAll(CommonCases.hostileBodies(decide));
        corpus.addAll(CommonCases.headerRules(decide));
        corpus.addAll(CommonCases.codecRefusals(DECISIONS));

        corpus.add(
                Case.of("a number for the Authorization value (was read as \"5\")").post(DECISIONS)
                        .json("{\"authorization\":5,\"audience\":\"USER_API\"}").expect(400).field("authorization"),
                Case.of("a number for fresh (was read as true)").post(DECISIONS)
                        .json("{\"authorization\":\"Bearer x\",\"audience\":\"USER_API\",\"fresh\":1}").expect(400)
                        .field("fresh"),
                Case.of("a number for the audience (was read as USER_API)").post(DECISIONS)
                        .json("{\"authorization\":\"Bearer x\",\"audience\":0}").expect(400).field("audience"),
                Case.of("NUL in the Authorization value (was decided)").post(DECISIONS)
                        .json("{\"authorization\":\"Bearer a\\u0000b\",\"audience\":\"USER_API\"}").expect(400)
                        .field("authorization"),
                Case.of("NUL in the query token (was decided)").post(DECISIONS)
                        .json("{\"queryToken\":\"oc_\\u0000\",\"audience\":\"USER_API\"}").expect(400)
                        .field("queryToken"),
                Case.of("an audience in the wrong case").post(DECISIONS)
                        .json("{\"authorization\":\"Bearer x\",\"audience\":\"user_api\"}").expect(400)
                        .field("audience"),
                Case.of("an audience that does not exist").post(DECISIONS)
                        .json("{\"authorization\":\"Bearer x\",\"audience\":\"EVERYONE\"}").expect(400)
                        .field("audience"),
                Case.of("an empty audience").post(DECISIONS).json("{\"authorization\":\"Bearer x\",\"audience\":\"\"}")
                        .expect(400).field("audience"),
                Case.of("an API that does not exist").post(DECISIONS)
                        .json("{\"authorization\":\"Bearer x\",\"audience\":\"USER_API\",\"api\":\"ALL\"}")
                        .expect(400).field("api"),
                Case.of("no audience").post(DECISIONS).json("{\"authorization\":\"Bearer x\"}").expect(400)
                        .field("audience"),
                Case.of("an empty object").post(DECISIONS).json("{}").expect(400).field("audience"),
                Case.of("null for the body").post(DECISIONS).json("null").expect(400).field("audience"),
                Case.of("no body at all").post(DECISIONS).json("").expect(400).field("audience"),
                Case.of("a list of requests").post(DECISIONS)
                        .json("[{\"authorization\":\"Bearer x\",\"audience\":\"USER_API\"}]").expect(400)
                        .field("body"),
                Case.of("a NUL in a chunked body, read by the resource rather than the fast lane").post(DECISIONS)
                        .json("{\"authorization\":\"Bearer a\\u0000b\",\"audience\":\"USER_API\"}").chunked()
                        .expect(400).field("authorization"),
                Case.of("a number in a chunked body").post(DECISIONS)
                        .json("{\"authorization\":\"Bearer x\",\"audience\":\"USER_API\",\"fresh\":1}").chunked()
                        .expect(400).field("fresh"),
                Case.of("XML asked of an API that answers JSON only: a problem in XML naming Accept")
                        .post(DECISIONS).acceptXml().json("{\"audience\":\"USER_API\"}").expect(400).field("Accept"),
                Case.of("a credential of 900,000 characters is refused, not choked on").post(DECISIONS)
                        .json("{\"authorization\":\"Bearer " + "x".repeat(900_000) + "\",\"audience\":\"USER_API\"}")
                        .expect(200).checkJson(decision -> assertEquals("UNAUTHENTICATED",
                                decision.path("outcome").asText())),
                Case.of("a malformed token is decided, not refused as input").post(DECISIONS)
                        .json("{\"authorization\":\"Bearer oc_%27%3B--\",\"audience\":\"USER_API\"}").expect(200)
                        .checkJson(decision -> assertEquals("invalid_token", decision.path("error").asText())),
                Case.of("below the decision API").post(DECISIONS + "/x").json("{}").expect(404),
                Case.of("NUL below the decision API").post(DECISIONS + "/%00").json("{}").expect(400).field("path"),
                Case.of("OPTIONS where nothing is").options("/api/internal/v1").expect(404),
                Case.of("dot segments onto the decision API").options("/api/internal/v1/x/.." + "/decisions")
                        .expect(200).allow("OPTIONS, POST"),
                Case.of("the management prefix dotted away is still the API").get("/q/../" + DECISIONS).expect(405)
                        .allow("OPTIONS, POST"));
        return corpus.tests();
    }
}
