package com.onecloud.access;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Who presented a valid credential. {@code organizationId} is null for a SUPERUSER; {@code userId} is set for USER
 * principals; {@code ticketId} and {@code credentialId} are null for OIDC principals, whose {@code subject} is the
 * token's subject. {@code expiresAt} is the end of the presented credential: its ticket's expiry, or the end of a
 * rotation's grace for a replaced credential.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Principal(PrincipalKind kind, String subject, String ticketId, String organizationId, String userId,
        Set<Api> apis, Instant expiresAt, String credentialId) {

    public Principal {
        apis = apis == null ? Set.of() : Set.copyOf(apis);
    }

    /** A principal that no OneCloud credential stands for (an OIDC token), or one whose credential does not matter. */
    public Principal(PrincipalKind kind, String subject, String ticketId, String organizationId, String userId,
            Set<Api> apis, Instant expiresAt) {
        this(kind, subject, ticketId, organizationId, userId, apis, expiresAt, null);
    }
}
