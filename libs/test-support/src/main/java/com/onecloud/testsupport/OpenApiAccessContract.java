package com.onecloud.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.onecloud.http.access.EndpointAccess;
import com.onecloud.http.access.EndpointAccess.Guarded;
import com.onecloud.http.access.EndpointAccess.InternalOnly;
import com.onecloud.http.conventions.Endpoints;
import com.onecloud.http.conventions.Endpoints.Endpoint;
import com.onecloud.http.openapi.ApiDocs;

import io.quarkus.arc.Arc;
import io.restassured.path.json.JsonPath;

/**
 * The OpenAPI document declares, for every endpoint the service serves, exactly the credentials the endpoint accepts:
 * the User API a USER token as Bearer or {@code ?t=} (contract §2), the Admin API and platform administration a
 * ticket as HTTP Basic, an {@code @Internal} endpoint none. The endpoints are read as {@code DenyByDefault} reads
 * them (the application's REST beans), not as the OpenAPI filter finds them, and the expected requirement is stated
 * here from the contract, not computed by the filter: so the document cannot drift from the declarations the
 * authentication filter enforces. Each service's {@code @QuarkusTest OpenApiAccessTest} extends this.
 */
public abstract class OpenApiAccessContract {

    private static final List<Map<String, List<String>>> USER_CREDENTIAL = List.of(Map.of("bearer", List.of()),
            Map.of("queryToken", List.of()));
    private static final List<Map<String, List<String>>> TICKET = List.of(Map.of("ticket", List.of()));

    @Test
    void everyEndpointsOperationDeclaresExactlyTheCredentialsItsDeclarationAccepts() {
        JsonPath document = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        List<String> problems = new ArrayList<>();
        Set<String> documented = new HashSet<>();
        for (Endpoint endpoint : Arc.container().instance(Endpoints.class).get().all()) {
            if (endpoint.httpMethod() == null || ApiDocs.isHidden(endpoint.method())) {
                continue;
            }
            String method = endpoint.httpMethod().toLowerCase();
            Map<String, Object> operation = paths.getOrDefault(endpoint.template(), Map.of()).get(method);
            if (operation == null) {
                problems.add(endpoint.describe() + " has no OpenAPI operation");
                continue;
            }
            documented.add(method + " " + endpoint.template());
            Object expected = expected(EndpointAccess.of(endpoint.method(), endpoint.resource()));
            if (!expected.equals(operation.get("security"))) {
                problems.add(endpoint.describe() + " declares security " + operation.get("security") + ", expected "
                        + expected);
            }
        }
        paths.forEach((path, item) -> item.keySet().stream().filter(m -> !documented.contains(m + " " + path))
                .filter(m -> !m.equals("parameters"))
                .forEach(m -> problems.add(m.toUpperCase() + " " + path + " is documented but not served")));
        assertThat(problems).isEmpty();
    }

    @Test
    void everyOperationHasAUniqueIdAndOneTag() {
        JsonPath document = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        List<String> ids = new ArrayList<>();
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            assertThat(operation.get("operationId")).as("%s %s operationId", method, path).isNotNull();
            assertThat((List<?>) operation.get("tags")).as("%s %s tags", method, path).hasSize(1);
            ids.add((String) operation.get("operationId"));
        }));
        assertThat(ids).doesNotHaveDuplicates();
    }

    private static Object expected(EndpointAccess access) {
        if (access instanceof Guarded guarded) {
            return switch (guarded.protection().audience()) {
                case USER_API -> USER_CREDENTIAL;
                case ADMIN_API, PLATFORM -> TICKET;
            };
        }
        assertThat(access).isInstanceOf(InternalOnly.class);
        return List.of();
    }
}
