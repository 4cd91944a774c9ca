package com.onecloud.auth.oidc;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** OpenID Connect enabled, but the provider's key endpoint cannot be reached. */
public class OidcProviderDownProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "onecloud.auth.oidc.enabled", "true",
                "quarkus.oidc.decision.auth-server-url", JwksProvider.unreachableUrl(),
                "quarkus.oidc.decision.jwks-path", JwksProvider.PATH,
                "quarkus.oidc.decision.token.issuer", OidcProfile.ISSUER);
    }
}
