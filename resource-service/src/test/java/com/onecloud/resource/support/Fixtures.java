package com.onecloud.resource.support;

import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.Map;

/** Organizations and users made through the API itself, by a superuser. */
public final class Fixtures {

    private Fixtures() {
    }

    /**
     * An organization with both APIs activated (contract §3, rule 7): its announcement reaches this service's own
     * revocation feed, and a credential of an organization without them is refused here even when the auth-service
     * double allows it.
     */
    public static String organization(String name) {
        return organization(name, true, true);
    }

    /** An organization with the given activation. */
    public static String organization(String name, boolean adminApiEnabled, boolean userApiEnabled) {
        return Credentials.superuser().spec().contentType("application/json")
                .body(Map.of("name", name, "adminApiEnabled", adminApiEnabled, "userApiEnabled", userApiEnabled))
                .post("/api/admin/v1/organizations").then().statusCode(201).extract().path("id");
    }

    public static String user(String orgId, String firstName, String lastName, String email, String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("firstName", firstName);
        body.put("lastName", lastName);
        body.put("email", email);
        if (phone != null) {
            body.put("phoneNumber", phone);
        }
        return Credentials.superuser().spec().contentType("application/json").body(body)
                .post("/api/admin/v1/organizations/{orgId}/users", orgId).then().statusCode(201)
                .body("organizationId", equalTo(orgId)).extract().path("id");
    }

    /** A unique email local part, so tests never collide within an organization. */
    public static String email(String prefix) {
        return prefix + "-" + System.nanoTime() + "@example.com";
    }
}
