package com.onecloud.authclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.access.Audience;
import com.onecloud.access.Decision;
import com.onecloud.access.Decision.Outcome;
import com.onecloud.access.Principal;
import com.onecloud.access.PrincipalKind;
import com.onecloud.events.ActivationChanged;

/** Rule 7 at the caller: what an activation change heard by this replica does to the decisions it serves. */
class ActivationMarkersTest {

    private final ActivationMarkers markers = new ActivationMarkers(new TestConfig());

    private static final Decision APPLICATION = allow(PrincipalKind.APPLICATION, "o1", null);
    private static final Decision USER = allow(PrincipalKind.USER, "o1", "u1");
    private static final Decision SUPERUSER = allow(PrincipalKind.SUPERUSER, null, null);

    private static Decision allow(PrincipalKind kind, String organizationId, String userId) {
        return Decision.allow(new Principal(kind, "s", "t-" + kind, organizationId, userId, Set.of(Api.USERS),
                Instant.now().plusSeconds(3600), "c-" + kind), 30);
    }

    private void organization(boolean adminApi, boolean userApi, long version) {
        markers.activationChanged(new ActivationChanged("o1", null, adminApi, userApi, version, Instant.now()));
    }

    @Test
    void withNothingHeardAuthServicesAnswerStands() {
        assertThat(markers.apply(APPLICATION, Audience.ADMIN_API)).isSameAs(APPLICATION);
        assertThat(markers.apply(USER, Audience.USER_API)).isSameAs(USER);
    }

    @Test
    void theAdminApiSwitchedOffRefusesApplicationsOfThatOrganizationOnly() {
        organization(false, true, 2);
        Decision refused = markers.apply(APPLICATION, Audience.ADMIN_API);
        assertThat(refused.outcome()).isEqualTo(Outcome.FORBIDDEN);
        assertThat(refused.description()).contains("Admin API");
        assertThat(markers.apply(USER, Audience.USER_API)).isSameAs(USER);
        Decision otherOrganization = allow(PrincipalKind.APPLICATION, "o2", null);
        assertThat(markers.apply(otherOrganization, Audience.ADMIN_API)).isSameAs(otherOrganization);
        assertThat(markers.apply(SUPERUSER, Audience.ADMIN_API)).isSameAs(SUPERUSER);
    }

    @Test
    void theUserApiOffForTheOrganizationOrTheUserRefusesThatUser() {
        organization(true, false, 2);
        assertThat(markers.apply(USER, Audience.USER_API).description()).contains("User API", "organization");
        assertThat(markers.apply(APPLICATION, Audience.ADMIN_API)).isSameAs(APPLICATION);

        organization(true, true, 3);
        markers.activationChanged(new ActivationChanged("o1", "u1", null, false, 5, Instant.now()));
        assertThat(markers.apply(USER, Audience.USER_API).description()).contains("User API", "user");
        Decision colleague = allow(PrincipalKind.USER, "o1", "u2");
        assertThat(markers.apply(colleague, Audience.USER_API)).isSameAs(colleague);
    }

    @Test
    void theNewestChangeWinsWhateverOrderTheyArriveIn() {
        organization(true, true, 7);
        organization(false, false, 6);
        assertThat(markers.apply(APPLICATION, Audience.ADMIN_API)).isSameAs(APPLICATION);
        organization(false, false, 8);
        assertThat(markers.apply(APPLICATION, Audience.ADMIN_API).outcome()).isEqualTo(Outcome.FORBIDDEN);
        organization(true, true, 9);
        assertThat(markers.apply(APPLICATION, Audience.ADMIN_API)).isSameAs(APPLICATION);
    }

    @Test
    void aRefusalStaysARefusalAndALostPositionKeepsWhatWasHeard() {
        Decision forbidden = Decision.refuse(Outcome.FORBIDDEN, "insufficient_scope", "no", 0);
        assertThat(markers.apply(forbidden, Audience.ADMIN_API)).isSameAs(forbidden);
        organization(false, false, 2);
        markers.positionLost();
        assertThat(markers.apply(APPLICATION, Audience.ADMIN_API).outcome()).isEqualTo(Outcome.FORBIDDEN);
    }
}
