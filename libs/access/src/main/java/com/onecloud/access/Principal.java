package com.onecloud.access;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Who presented a valid credential. {@code organizationId} is null for a SUPERUSER; {@code userId} is set for USER
 * principals; {@code ticketId} is null for OIDC principals, whose {@code subject} is the token's subject.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Principal(PrincipalKind kind, String subject, String ticketId, String organizationId, String userId,
        Set<Api> apis, Instant expiresAt) {

    public Principal {
        apis = apis == null ? Set.of() : Set.copyOf(apis);
    }
}
