package com.onecloud.access;

import java.util.Set;

/** Which principal kinds an endpoint serves (contract §3 rules 2 and 3). */
public enum Audience {
    /** {@code /api/user/...}: USER principals only. */
    USER_API(Set.of(PrincipalKind.USER)),
    /** {@code /api/admin/...}: APPLICATION and SUPERUSER principals. */
    ADMIN_API(Set.of(PrincipalKind.APPLICATION, PrincipalKind.SUPERUSER)),
    /** Platform administration ({@code /api/admin/v1/organizations}, SUPERUSER tickets): SUPERUSER only. */
    PLATFORM(Set.of(PrincipalKind.SUPERUSER));

    private final Set<PrincipalKind> kinds;

    Audience(Set<PrincipalKind> kinds) {
        this.kinds = kinds;
    }

    public boolean admits(PrincipalKind kind) {
        return kinds.contains(kind);
    }
}
