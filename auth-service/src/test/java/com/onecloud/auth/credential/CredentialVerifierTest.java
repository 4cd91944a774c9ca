package com.onecloud.auth.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.access.PrincipalKind;
import com.onecloud.access.credential.CredentialHash;
import com.onecloud.access.credential.PresentedCredential;
import com.onecloud.access.credential.PresentedCredential.Token;
import com.onecloud.access.credential.PresentedCredential.TokenAndSecret;
import com.onecloud.access.credential.TokenFormat;

/** The verification rules on their own: presentation by kind, hashes, revocation, expiry. */
class CredentialVerifierTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private final String id = TokenFormat.newId();
    private final String token = TokenFormat.newToken(id);
    private final String secret = TokenFormat.newSecret();

    @Test
    void aUserTokenIsProvenOnlyAsATokenAlone() {
        CredentialRecord user = record(PrincipalKind.USER, null, false, NOW.plusSeconds(60));
        assertThat(CredentialVerifier.verify(new Token(token), user, NOW)).hasValueSatisfying(p -> {
            assertThat(p.kind()).isEqualTo(PrincipalKind.USER);
            assertThat(p.ticketId()).isEqualTo("T1");
            assertThat(p.subject()).isEqualTo("T1");
            assertThat(p.userId()).isEqualTo("u1");
        });
        assertThat(CredentialVerifier.verify(new TokenAndSecret(token, secret), user, NOW)).isEmpty();
        assertThat(CredentialVerifier.verify(new Token(TokenFormat.newToken(id)), user, NOW)).isEmpty();
    }

    @Test
    void applicationAndSuperuserTicketsNeedTheirSecret() {
        for (PrincipalKind kind : Set.of(PrincipalKind.APPLICATION, PrincipalKind.SUPERUSER)) {
            CredentialRecord ticket = record(kind, CredentialHash.sha256(secret), false, NOW.plusSeconds(60));
            assertThat(CredentialVerifier.verify(new TokenAndSecret(token, secret), ticket, NOW)).isPresent();
            assertThat(CredentialVerifier.verify(new Token(token), ticket, NOW)).isEmpty();
            assertThat(CredentialVerifier.verify(new TokenAndSecret(token, TokenFormat.newSecret()), ticket, NOW))
                    .isEmpty();
            assertThat(CredentialVerifier.verify(new TokenAndSecret(TokenFormat.newToken(id), secret), ticket, NOW))
                    .isEmpty();
        }
    }

    @Test
    void revokedExpiredAndUnknownKindsAreRefused() {
        assertThat(CredentialVerifier.verify(new Token(token), record(PrincipalKind.USER, null, true,
                NOW.plusSeconds(60)), NOW)).isEmpty();
        assertThat(CredentialVerifier.verify(new Token(token), record(PrincipalKind.USER, null, false, NOW), NOW))
                .as("expires_at <= now").isEmpty();
        assertThat(CredentialVerifier.verify(new TokenAndSecret(token, secret),
                record(null, CredentialHash.sha256(secret), false, NOW.plusSeconds(60)), NOW)).isEmpty();
        assertThat(CredentialVerifier.verify(new PresentedCredential.None(),
                record(PrincipalKind.USER, null, false, NOW.plusSeconds(60)), NOW)).isEmpty();
    }

    @Test
    void apisAreParsedLeniently() {
        assertThat(CredentialStore.apis("CONTACTS, USERS,,FUTURE_API")).containsExactlyInAnyOrder(Api.CONTACTS,
                Api.USERS);
        assertThat(CredentialStore.apis(null)).isEmpty();
    }

    private CredentialRecord record(PrincipalKind kind, byte[] secretHash, boolean revoked, Instant expiresAt) {
        return new CredentialRecord(id, CredentialHash.sha256(token), secretHash, "T1", kind,
                kind == PrincipalKind.SUPERUSER ? null : "o1", kind == PrincipalKind.USER ? "u1" : null,
                Set.of(Api.CONTACTS), expiresAt, revoked);
    }
}
