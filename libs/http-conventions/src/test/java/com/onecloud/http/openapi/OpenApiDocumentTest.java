package com.onecloud.http.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The filter as Quarkus runs it, finding the test application's resources through the test classes' Jandex index:
 * the widgets are {@code @Internal}, so their operations take no credential.
 */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void theWidgetsTakeNoCredentialAndTheDocumentNamesItsServer() {
        String widgets = "paths.'/api/test/widgets'";
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(widgets + ".post.security", empty())
                .body(widgets + ".post.responses.'401'", nullValue())
                .body("components.securitySchemes", nullValue())
                .body("servers[0].url", equalTo("/"))
                .body("info.license.identifier", equalTo("LicenseRef-OneCloud-Proprietary"));
    }
}
