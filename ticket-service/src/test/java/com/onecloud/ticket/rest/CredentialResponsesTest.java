package com.onecloud.ticket.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.testsupport.AuthServiceDouble;
import com.onecloud.testsupport.EmbeddedKafkaResource;
import com.onecloud.testsupport.TicketDatabase;
import com.onecloud.ticket.support.Callers;
import com.onecloud.ticket.support.Callers.Caller;
import com.onecloud.ticket.support.IssuedCredentials;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every response that carries a token or secret in clear tells caches not to store it, and the API description says
 * so.
 */
@QuarkusTest
@QuarkusTestResource(TicketDatabase.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(AuthServiceDouble.class)
class CredentialResponsesTest {

    @Test
    void createAndRotationResponsesOnEveryRouteAreNeverStored() {
        String org = Callers.newOrganization();
        Caller admin = Callers.application(org, Api.TICKETS);
        String orgBase = "/api/admin/v1/organizations/" + org + "/tickets";
        Response application = noStore(admin.json().contentType("application/json")
                .body(Map.of("name", "app", "kind", "APPLICATION", "apis", List.of("USERS"))).post(orgBase), 201);
        noStore(admin.json().contentType("application/json").body(Map.of("graceSeconds", 0))
                .post(orgBase + "/" + application.jsonPath().getString("id") + "/rotation"), 200);
        // XML as well: the headers do not depend on the representation.
        noStore(admin.xml().contentType("application/xml")
                .body("<ticket><name>u</name><kind>USER</kind><userId>lee</userId><apis><api>CONTACTS</api></apis>"
                        + "</ticket>").post(orgBase), 201);

        Caller root = Callers.superuser(Api.TICKETS);
        Response superuser = noStore(root.json().contentType("application/json")
                .body(Map.of("name", "ops", "apis", List.of("TICKETS"))).post("/api/admin/v1/tickets"), 201);
        noStore(root.json().contentType("application/json").body(Map.of("graceSeconds", 0))
                .post("/api/admin/v1/tickets/" + superuser.jsonPath().getString("id") + "/rotation"), 200);

        noStore(Callers.user(org, "lee", Api.CONTACTS).json().contentType("application/json")
                .body(Map.of("name", "laptop", "apis", List.of("CONTACTS"))).post("/api/user/v1/tickets"), 201);
    }

    @Test
    void theApiDescriptionNamesTheHeadersAndTheRefusalOfDeletedOnes() {
        var paths = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract()
                .jsonPath();
        assertThat(paths.getString("paths.'/api/admin/v1/organizations/{orgId}/tickets'.post.responses.'201'"
                + ".description")).contains("Cache-Control: no-store");
        assertThat(paths.getString("paths.'/api/admin/v1/organizations/{orgId}/tickets'.post.responses.'404'"
                + ".description")).contains("was deleted");
        assertThat(paths.getString("paths.'/api/admin/v1/organizations/{orgId}/tickets/{id}/rotation'.post"
                + ".responses.'200'.description")).contains("Cache-Control: no-store");
        assertThat(paths.getString("paths.'/api/user/v1/tickets'.post.description"))
                .contains("ends no later than it does");
    }

    /** Asserts the status and the headers of a response that carries the credential, and remembers it. */
    private static Response noStore(Response response, int status) {
        response.then().statusCode(status).header("Cache-Control", equalTo("no-store"))
                .header("Pragma", equalTo("no-cache"));
        boolean json = response.contentType().contains("json");
        String token = json ? response.jsonPath().getString("token") : response.xmlPath().getString("ticket.token");
        String secret = json ? response.jsonPath().getString("secret") : null;
        assertThat(token).startsWith("oc_");
        IssuedCredentials.remember(token, secret);
        return response;
    }
}
