package com.onecloud.http.conventions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Every operation documents the problem responses of the shared edge, in both problem media types. */
@QuarkusTest
class OpenApiTest {

    @Test
    void operationsDocumentProblemResponses() {
        String post = "paths.'/api/test/widgets'.post.responses";
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(post + ".'400'.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"))
                .body(post + ".'400'.content.'application/problem+xml'.schema.$ref",
                        equalTo("#/components/schemas/Problem"))
                .body(post + ".'500'.headers.Warning", notNullValue())
                .body(post + ".'413'", notNullValue())
                .body("components.schemas.Violation.properties.field", notNullValue());
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
