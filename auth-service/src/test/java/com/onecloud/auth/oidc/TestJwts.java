package com.onecloud.auth.oidc;

import java.security.PrivateKey;
import java.util.List;

import com.onecloud.auth.support.Tickets;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** JWTs as the test provider issues them, signed with the test keys. */
final class TestJwts {

    static final PrivateKey KEY = TestKeys.privateKey("oidc/test-signing-key.pem");
    static final PrivateKey OTHER_KEY = TestKeys.privateKey("oidc/other-key.pem");

    private TestJwts() {
    }

    /** The claims of a USER of org-1 granted CONTACTS, valid for 10 minutes. */
    static JwtClaimsBuilder user(String subject) {
        return Jwt.issuer(OidcProfile.ISSUER).audience(OidcProfile.AUDIENCE).subject(subject)
                .claim("onecloud_kind", "USER")
                .claim("onecloud_org", "org-1")
                .claim("onecloud_user", "user-" + subject)
                .claim("onecloud_apis", List.of("CONTACTS"))
                .expiresIn(600);
    }

    /** The claims of a SUPERUSER granted USERS and TICKETS, valid for 10 minutes. */
    static JwtClaimsBuilder superuser() {
        return Jwt.issuer(OidcProfile.ISSUER).audience(OidcProfile.AUDIENCE).subject("root")
                .claim("onecloud_kind", "SUPERUSER").claim("onecloud_apis", "USERS TICKETS").expiresIn(600);
    }

    /**
     * Signs {@code claims}, naming the key in the header as a provider does ({@code kid}: the provider's key set is
     * searched by it); the token is remembered so that the log checks can prove it was never written.
     */
    static String sign(JwtClaimsBuilder claims, PrivateKey key) {
        String jwt = claims.jws().keyId(JwksProvider.KEY_ID).sign(key);
        Tickets.remember(jwt, null);
        return jwt;
    }
}
