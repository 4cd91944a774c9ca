package com.onecloud.auth.credential;

import java.time.Instant;
import java.util.Optional;

import com.onecloud.access.Principal;
import com.onecloud.access.PrincipalKind;
import com.onecloud.access.credential.CredentialHash;
import com.onecloud.access.credential.PresentedCredential;

/**
 * Whether a presented OneCloud credential proves the stored one (contract §2): the presentation must fit the ticket's
 * kind (USER tickets as a token alone, APPLICATION and SUPERUSER tickets as token and secret), the hashes must match
 * (constant time), and the credential must be neither revoked nor expired.
 */
public final class CredentialVerifier {

    private CredentialVerifier() {
    }

    /** The principal the credential proves, or empty for any reason to refuse it. */
    public static Optional<Principal> verify(PresentedCredential presented, CredentialRecord stored, Instant now) {
        if (stored.revoked() || !stored.expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        boolean proven;
        if (presented instanceof PresentedCredential.Token t) {
            proven = stored.kind() == PrincipalKind.USER && CredentialHash.matches(t.token(), stored.tokenHash());
        } else if (presented instanceof PresentedCredential.TokenAndSecret ts) {
            // Both hashes are always compared, so the time taken does not tell which one was wrong.
            boolean tokenMatches = CredentialHash.matches(ts.token(), stored.tokenHash());
            boolean secretMatches = CredentialHash.matches(ts.secret(), stored.secretHash());
            boolean kindTakesSecret = stored.kind() == PrincipalKind.APPLICATION
                    || stored.kind() == PrincipalKind.SUPERUSER;
            proven = kindTakesSecret & tokenMatches & secretMatches;
        } else {
            proven = false;
        }
        return proven ? Optional.of(principalOf(stored)) : Optional.empty();
    }

    static Principal principalOf(CredentialRecord stored) {
        return new Principal(stored.kind(), stored.ticketId(), stored.ticketId(), stored.organizationId(),
                stored.userId(), stored.apis(), stored.expiresAt(), stored.credentialId());
    }
}
