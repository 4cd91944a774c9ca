package com.onecloud.auth.oidc;

import static com.onecloud.auth.oidc.TestJwts.KEY;
import static com.onecloud.auth.oidc.TestJwts.sign;
import static com.onecloud.auth.oidc.TestJwts.superuser;
import static com.onecloud.auth.support.Decisions.decide;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.access.Audience;
import com.onecloud.auth.support.TicketDatabaseResource;
import com.onecloud.testsupport.EmbeddedKafkaResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Where the configuration trusts the provider with platform administration, its SUPERUSER tokens are superusers. */
@QuarkusTest
@TestProfile(OidcSuperuserProfile.class)
@QuarkusTestResource(TicketDatabaseResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
class OidcSuperuserTest {

    @Test
    void aSuperuserTokenIsAllowedOnThePlatformButNotTheUserApi() {
        String jwt = sign(superuser(), KEY);
        decide("Bearer " + jwt, Audience.PLATFORM, null).statusCode(200)
                .body("outcome", equalTo("ALLOW"))
                .body("principal.kind", equalTo("SUPERUSER"))
                .body("principal.organizationId", nullValue())
                .body("principal.apis", containsInAnyOrder("USERS", "TICKETS"));
        decide("Bearer " + jwt, Audience.ADMIN_API, Api.TICKETS).body("outcome", equalTo("ALLOW"));
        decide("Bearer " + jwt, Audience.USER_API, Api.CONTACTS).body("outcome", equalTo("FORBIDDEN"))
                .body("error", equalTo("insufficient_scope"));
    }
}
