package com.onecloud.auth.oidc;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** With OpenID Connect on, the service does not start without an issuer and an audience to check. */
class OidcConfigurationTest {

    @Test
    void anIssuerAndAnAudienceAreRequired() {
        assertThatThrownBy(() -> OidcTokenVerifier.requireIssuerAndAudience(Optional.empty(), Optional.of("a")))
                .hasMessageContaining("ONECLOUD_AUTH_OIDC_ISSUER");
        assertThatThrownBy(() -> OidcTokenVerifier.requireIssuerAndAudience(Optional.of("https://idp"),
                Optional.empty())).hasMessageContaining("ONECLOUD_AUTH_OIDC_AUDIENCE");
        assertThatCode(() -> OidcTokenVerifier.requireIssuerAndAudience(Optional.of("https://idp"), Optional.of("a")))
                .doesNotThrowAnyException();
    }
}
