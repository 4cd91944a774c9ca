package com.onecloud.resource.bench;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The benchmark-only endpoint is absent from every build but the {@code bench} build profile. */
@QuarkusTest
class UnauthenticatedContactResourceTest {

    @Test
    void doesNotExistOutsideTheBenchBuildProfile() {
        given().accept("application/json").header("X-Bench-Organization", "o").header("X-Bench-User", "u")
                .get("/bench/user/v1/contacts/any").then().statusCode(404);
    }
}
