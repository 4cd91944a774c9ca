package com.onecloud.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.onecloud.access.Decision.Outcome;

class AccessPolicyTest {

    private static Principal of(PrincipalKind kind, Api... apis) {
        return new Principal(kind, "t1", "t1", kind == PrincipalKind.SUPERUSER ? null : "org1",
                kind == PrincipalKind.USER ? "u1" : null, Set.of(apis), null);
    }

    @Test
    void userApiAdmitsOnlyUsers() {
        assertThat(AccessPolicy.decide(of(PrincipalKind.USER, Api.CONTACTS), Audience.USER_API, Api.CONTACTS, 30)
                .outcome()).isEqualTo(Outcome.ALLOW);
        Decision superuser = AccessPolicy.decide(of(PrincipalKind.SUPERUSER, Api.CONTACTS), Audience.USER_API,
                Api.CONTACTS, 30);
        assertThat(superuser.outcome()).isEqualTo(Outcome.FORBIDDEN);
        assertThat(superuser.error()).isEqualTo("insufficient_scope");
        assertThat(AccessPolicy.decide(of(PrincipalKind.APPLICATION, Api.CONTACTS), Audience.USER_API, Api.CONTACTS,
                30).outcome()).isEqualTo(Outcome.FORBIDDEN);
    }

    @Test
    void adminApiAdmitsApplicationsAndSuperusersWithTheApi() {
        assertThat(AccessPolicy.decide(of(PrincipalKind.APPLICATION, Api.USERS), Audience.ADMIN_API, Api.USERS, 30)
                .outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(AccessPolicy.decide(of(PrincipalKind.SUPERUSER, Api.USERS), Audience.ADMIN_API, Api.USERS, 30)
                .outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(AccessPolicy.decide(of(PrincipalKind.USER, Api.USERS), Audience.ADMIN_API, Api.USERS, 30)
                .outcome()).isEqualTo(Outcome.FORBIDDEN);
        assertThat(AccessPolicy.decide(of(PrincipalKind.APPLICATION, Api.TICKETS), Audience.ADMIN_API, Api.USERS, 30)
                .outcome()).isEqualTo(Outcome.FORBIDDEN);
    }

    @Test
    void platformAdmitsOnlySuperusers() {
        assertThat(AccessPolicy.decide(of(PrincipalKind.SUPERUSER), Audience.PLATFORM, null, 30).outcome())
                .isEqualTo(Outcome.ALLOW);
        assertThat(AccessPolicy.decide(of(PrincipalKind.APPLICATION, Api.TICKETS, Api.USERS), Audience.PLATFORM, null,
                30).outcome()).isEqualTo(Outcome.FORBIDDEN);
    }
}
