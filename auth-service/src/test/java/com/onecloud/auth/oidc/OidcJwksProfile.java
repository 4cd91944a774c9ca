package com.onecloud.auth.oidc;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** OpenID Connect enabled, with the keys fetched from the provider's key endpoint (jwks-path), as in production. */
public class OidcJwksProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "onecloud.auth.oidc.enabled", "true",
                "quarkus.oidc.decision.auth-server-url", JwksProvider.url(),
                "quarkus.oidc.decision.jwks-path", JwksProvider.PATH,
                "quarkus.oidc.decision.token.issuer", OidcProfile.ISSUER);
    }
}
