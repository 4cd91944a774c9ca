package com.onecloud.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

/**
 * What every OneCloud service shows at its edge, whatever it serves: health, the OpenAPI document with the shared
 * security schemes and problem body, and the shared conventions answering in its own name. Each service's
 * {@code @QuarkusTest ServiceEdgeTest} extends this with the service's name.
 */
public abstract class ServiceEdgeContract {

    private final String serviceName;

    protected ServiceEdgeContract(String serviceName) {
        this.serviceName = serviceName;
    }

    @Test
    void reportsHealth() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiDocumentsTheCredentialSchemesAndTheProblemBody() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("components.securitySchemes.ticket.scheme", equalTo("basic"))
                .body("components.securitySchemes.queryToken.name", equalTo("t"))
                .body("components.schemas.Problem.properties.logToken", notNullValue());
    }

    @Test
    void unknownPathIsAProblemNamingThisService() {
        given().accept("application/json").get("/api/no-such-resource").then().statusCode(404)
                .contentType("application/problem+json")
                .header("Warning", containsString("703 " + serviceName + " \"Error occurred, see "));
    }

    @Test
    void sharedConventionsApply() {
        given().accept("application/json").header("X-HTTP-Method-Override", "TRACE").post("/api/anything")
                .then().statusCode(400).body("validationResult.field", hasItem("X-HTTP-Method-Override"));
    }
}
