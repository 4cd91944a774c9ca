package com.onecloud.resource.bench;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The benchmark-only endpoints are absent from every build but the {@code bench} build profile. */
@QuarkusTest
class BenchEndpointsTest {

    @Test
    void theUnauthenticatedReadDoesNotExistOutsideTheBenchBuildProfile() {
        given().accept("application/json").header("X-Bench-Organization", "o").header("X-Bench-User", "u")
                .get("/bench/user/v1/contacts/any").then().statusCode(404);
    }

    @Test
    void theUsageCountingSwitchDoesNotExistOutsideTheBenchBuildProfile() {
        given().put("/bench/usage-counting?on=false").then().statusCode(404);
    }
}
