package com.onecloud.console.oidc;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.onecloud.console.api.ApiClient;
import com.onecloud.console.api.ApiClient.Service;
import com.onecloud.console.session.Session.Credential;
import com.onecloud.console.signin.CredentialCheck;
import com.onecloud.console.signin.CredentialCheck.Outcome;

/**
 * Finds out, from the public APIs' own answers, who a provider's access token makes its bearer, as
 * {@link CredentialCheck} does for tickets: {@code GET /api/admin/v1/tickets} answers 200 only to a SUPERUSER; a 403
 * is a token the platform accepts for someone else, and a provider's token is then a USER's (auth-service makes only
 * USER and SUPERUSER principals of them); a 401 is a token the platform does not accept at all.
 */
@ApplicationScoped
public class ProviderTokenCheck {

    static final String NOT_ACCEPTED = "The platform does not accept the access token your identity provider issued,"
            + " so you cannot sign in with it. An operator can check that auth-service trusts this provider (issuer,"
            + " audience and keys) and that the token names your organization and user.";
    static final String TOO_LONG = "The access token your identity provider issued is longer than "
            + AccessToken.MAX_LENGTH + " characters, more than the console's session can hold. An operator can"
            + " leave unneeded claims out of the provider's access tokens.";

    private final ApiClient api;
    private final ProviderSignIn provider;

    ProviderTokenCheck(ApiClient api, ProviderSignIn provider) {
        this.api = api;
        this.provider = provider;
    }

    public Outcome check(String accessToken) {
        if (accessToken != null && accessToken.length() > AccessToken.MAX_LENGTH) {
            return Outcome.refused(TOO_LONG);
        }
        Optional<AccessToken> token = AccessToken.parse(accessToken, provider.apisClaim());
        if (token.isEmpty()) {
            return Outcome.refused("Your identity provider's access token is not a JWT with an expiry, which is"
                    + " what the platform accepts.");
        }
        int status = api.status(Service.TICKET, CredentialCheck.SUPERUSER_PROBE, "Bearer " + accessToken);
        return switch (status) {
            case 200 -> Outcome.signedIn(credential(accessToken, "SUPERUSER", token.get()));
            case 403 -> Outcome.signedIn(credential(accessToken, "USER", token.get()));
            case 401 -> Outcome.refused(NOT_ACCEPTED);
            default -> Outcome.refused("ticket-service could not check your sign-in (" + status
                    + "); try again in a moment.");
        };
    }

    private static Credential credential(String accessToken, String kind, AccessToken token) {
        return Credential.bearer(accessToken, kind, token.expiresAt(), token.apis());
    }
}
