package com.onecloud.resource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.access.credential.TokenFormat;
import com.onecloud.resource.support.Credentials;
import com.onecloud.resource.support.Credentials.Credential;
import com.onecloud.resource.support.Fixtures;
import com.onecloud.testsupport.AuthServiceDouble;
import com.onecloud.testsupport.EmbeddedKafkaResource;
import com.onecloud.testsupport.ResourceDatabase;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Contract §3 on every resource-service route: who may call what. */
@QuarkusTest
@QuarkusTestResource(AuthServiceDouble.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(ResourceDatabase.class)
class AuthorizationTest {

    @AfterAll
    static void noCredentialWasLogged() {
        Credentials.assertNoneLogged();
    }

    @Test
    void aSuperuserCannotUseTheUserApi() {
        String org = Fixtures.organization("Authz su");
        Credential su = Credentials.superuser();
        su.spec().accept("application/json").get("/api/user/v1/contacts").then().statusCode(403)
                .header("WWW-Authenticate", containsString("insufficient_scope")).body("status", equalTo(403));
        su.spec().accept("application/json").queryParam("q", "a").get("/api/user/v1/contacts/search").then()
                .statusCode(403);
        su.spec().contentType("application/json").body(Map.of("firstName", "X")).post("/api/user/v1/contacts")
                .then().statusCode(403);
        // ...while the Admin API is theirs.
        su.spec().get("/api/admin/v1/organizations/" + org + "/users").then().statusCode(200);
    }

    @Test
    void anApplicationWithoutUsersIsForbidden() {
        String org = Fixtures.organization("Authz app");
        String user = Fixtures.user(org, "A", "B", Fixtures.email("authz"), null);
        Credential app = Credentials.application(org, Api.TICKETS);
        String base = "/api/admin/v1/organizations/" + org + "/users";
        app.spec().accept("application/json").get(base).then().statusCode(403)
                .header("WWW-Authenticate", containsString("insufficient_scope"));
        app.spec().get(base + "/" + user).then().statusCode(403);
        app.spec().contentType("application/json").body(Map.of("firstName", "X", "lastName", "Y",
                "email", "x@example.com")).post(base).then().statusCode(403);
        app.spec().delete(base + "/" + user).then().statusCode(403);
        // An application (even with USERS) cannot administer organizations: that is SUPERUSER only.
        Credential withUsers = Credentials.application(org, Api.USERS);
        withUsers.spec().get("/api/admin/v1/organizations").then().statusCode(403);
        withUsers.spec().get("/api/admin/v1/organizations/" + org).then().statusCode(403);
        withUsers.spec().delete("/api/admin/v1/organizations/" + org).then().statusCode(403);
        Credentials.superuser().spec().get(base + "/" + user).then().statusCode(200);
    }

    @Test
    void aUserTokenCannotUseTheAdminApi() {
        String org = Fixtures.organization("Authz user");
        Credential user = Credentials.user(org, TokenFormat.newId(), Api.CONTACTS, Api.USERS);
        user.spec().accept("application/json").get("/api/admin/v1/organizations/" + org + "/users").then()
                .statusCode(403).header("WWW-Authenticate", containsString("insufficient_scope"));
        user.spec().get("/api/admin/v1/organizations").then().statusCode(403);
        user.spec().get("/api/admin/v1/organizations/" + org).then().statusCode(403);
        // A USER token without CONTACTS cannot use the contacts either.
        Credential noContacts = Credentials.user(org, TokenFormat.newId(), Api.USERS);
        noContacts.spec().get("/api/user/v1/contacts").then().statusCode(403);
        noContacts.spec().queryParam("q", "a").get("/api/user/v1/contacts/search").then().statusCode(403);
    }

    @Test
    void noCredentialIs401OnEveryRoute() {
        for (String path : List.of("/api/admin/v1/organizations", "/api/admin/v1/organizations/o1",
                "/api/admin/v1/organizations/o1/users", "/api/admin/v1/organizations/o1/users/u1",
                "/api/user/v1/contacts", "/api/user/v1/contacts/c1", "/api/user/v1/contacts/search?q=a")) {
            given().accept("application/json").get(path).then().statusCode(401)
                    .header("WWW-Authenticate", containsString("Bearer realm=\"onecloud\""))
                    .header("WWW-Authenticate", containsString("Basic realm=\"onecloud\""));
        }
        given().accept("application/json").noContentType().header("X-HTTP-Method-Override", "DELETE")
                .post("/api/admin/v1/organizations/o1").then().statusCode(401);
        given().accept("application/json").queryParam("t", TokenFormat.newToken(TokenFormat.newId()))
                .get("/api/user/v1/contacts").then().statusCode(401)
                .header("WWW-Authenticate", containsString("invalid_token"));
    }
}
