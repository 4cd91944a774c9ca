package com.onecloud.auth.oidc;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** OpenID Connect enabled, trusting the test key pair's public key and one issuer. */
public class OidcProfile implements QuarkusTestProfile {

    public static final String ISSUER = "https://idp.onecloud.test/realms/onecloud";
    /** The audience the provider puts in tokens issued for the platform. */
    public static final String AUDIENCE = "onecloud-api";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "onecloud.auth.oidc.enabled", "true",
                "quarkus.oidc.decision.public-key", TestKeys.base64Der("oidc/test-signing-key.pub.pem"),
                "quarkus.oidc.decision.token.issuer", ISSUER,
                "quarkus.oidc.decision.token.audience", AUDIENCE);
    }
}
