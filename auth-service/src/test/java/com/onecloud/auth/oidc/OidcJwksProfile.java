package com.onecloud.auth.oidc;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** OpenID Connect enabled, with the keys fetched from the provider's key endpoint (jwks-path), as in production. */
public class OidcJwksProfile implements QuarkusTestProfile {

    /** Where the provider is; the key endpoint is {@link JwksProvider#PATH} below it. */
    protected String authServerUrl() {
        return JwksProvider.url();
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "onecloud.auth.oidc.enabled", "true",
                "quarkus.oidc.decision.auth-server-url", authServerUrl(),
                "quarkus.oidc.decision.jwks-path", JwksProvider.PATH,
                "quarkus.oidc.decision.token.issuer", OidcProfile.ISSUER,
                "quarkus.oidc.decision.token.audience", OidcProfile.AUDIENCE);
    }
}
