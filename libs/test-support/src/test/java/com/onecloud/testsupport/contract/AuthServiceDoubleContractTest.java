package com.onecloud.testsupport.contract;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.onecloud.access.Api;
import com.onecloud.access.Principal;
import com.onecloud.access.PrincipalKind;
import com.onecloud.access.credential.TokenFormat;
import com.onecloud.testsupport.AuthServiceDouble;

/** The double passes the same decision cases as the real auth-service (see auth-service's DecisionContractTest). */
class AuthServiceDoubleContractTest {

    @TestFactory
    Stream<DynamicTest> theDoubleHonoursTheDecisionContract() {
        return DecisionContract.tests(AuthServiceDouble.url(), AuthServiceDoubleContractTest::issue);
    }

    private static IssuedCredential issue(PrincipalKind kind, Set<Api> apis, CredentialState state) {
        String ticketId = TokenFormat.newId();
        String token = TokenFormat.newToken(TokenFormat.newId());
        String secret = kind == PrincipalKind.USER ? null : TokenFormat.newSecret();
        Instant expiresAt = state == CredentialState.EXPIRED ? Instant.now().minusSeconds(60)
                : Instant.now().plusSeconds(3600);
        AuthServiceDouble.register(token, secret, new Principal(kind, ticketId, ticketId,
                kind == PrincipalKind.SUPERUSER ? null : "org-1", kind == PrincipalKind.USER ? "user-1" : null, apis,
                expiresAt));
        if (state == CredentialState.REVOKED) {
            AuthServiceDouble.revoke(token);
        }
        return new IssuedCredential(token, secret);
    }
}
