package com.onecloud.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * What every OneCloud service shows at its edge, whatever it serves: health, the OpenAPI document with the shared
 * security schemes its operations accept and the problem body, and the shared conventions answering in its own name. Each service's
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
    @SuppressWarnings("unchecked")
    void openApiDocumentsTheCredentialSchemesItsOperationsAcceptAndTheProblemBody() {
        JsonPath document = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.Problem.properties.logToken", notNullValue())
                .extract().jsonPath();
        Map<String, Map<String, Object>> schemes = document.getMap("components.securitySchemes");
        Set<String> used = new TreeSet<>();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        paths.values().forEach(item -> item.values().forEach(operation -> ((List<Map<String, ?>>) operation
                .getOrDefault("security", List.of())).forEach(requirement -> used.addAll(requirement.keySet()))));
        assertThat(schemes == null ? Set.of() : schemes.keySet()).isEqualTo(used);
        if (used.contains("bearer")) {
            assertThat(schemes.get("bearer")).containsEntry("type", "http").containsEntry("scheme", "bearer");
        }
        if (used.contains("ticket")) {
            assertThat(schemes.get("ticket")).containsEntry("type", "http").containsEntry("scheme", "basic");
        }
        if (used.contains("queryToken")) {
            assertThat(schemes.get("queryToken")).containsEntry("type", "apiKey").containsEntry("in", "query")
                    .containsEntry("name", "t");
        }
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
