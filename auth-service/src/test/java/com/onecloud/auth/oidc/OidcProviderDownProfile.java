package com.onecloud.auth.oidc;

/** OpenID Connect enabled, but the provider's key endpoint cannot be reached. */
public class OidcProviderDownProfile extends OidcJwksProfile {

    @Override
    protected String authServerUrl() {
        return JwksProvider.unreachableUrl();
    }
}
