package com.onecloud.auth.credential;

import java.time.Instant;
import java.util.Set;

import com.onecloud.access.Api;
import com.onecloud.access.PrincipalKind;

/**
 * One row of the view {@code auth_v1.credential}: a credential's hashes and the ticket it belongs to.
 *
 * @param secretHash null for USER tickets, which have no secret
 * @param expiresAt the credential's own end of life (ticket expiry or end of a rotation's grace)
 */
public record CredentialRecord(String credentialId, byte[] tokenHash, byte[] secretHash, String ticketId,
        PrincipalKind kind, String organizationId, String userId, Set<Api> apis, Instant expiresAt, boolean revoked) {

    /** Never print the hashes. */
    @Override
    public String toString() {
        return "CredentialRecord[credentialId=" + credentialId + ", ticketId=" + ticketId + ", kind=" + kind + "]";
    }
}
