package com.onecloud.authclient;

import java.util.List;

import com.onecloud.access.Decision;
import com.onecloud.access.Decision.Outcome;
import com.onecloud.access.credential.PresentedCredential;
import com.onecloud.access.credential.TokenFormat;

/**
 * The refusals a service makes without asking auth-service, because the request alone decides them: no credential,
 * more than one (two {@code Authorization} headers, two {@code t} parameters, or one of each), an unreadable header,
 * or a OneCloud token or secret whose format or checksum is wrong. They stay right when auth-service is slow or down,
 * and they cost it nothing. Everything else (a well-formed credential, an OIDC JWT) is auth-service's to decide.
 */
final class LocalDecision {

    private LocalDecision() {
    }

    /**
     * The refusal of a request that repeats its credential, or null. Checked before the decision cache, which is keyed
     * by the first of each.
     */
    static Decision ofRepeated(List<String> authorizations, List<String> queryTokens) {
        return authorizations.size() > 1 || queryTokens.size() > 1
                ? refuse(Outcome.INVALID_REQUEST, "invalid_request",
                        "Present one credential: one Authorization header or one t parameter.")
                : null;
    }

    /** The refusal of a request with at most one of each, or null when auth-service must decide. */
    static Decision of(String authorization, String queryToken) {
        PresentedCredential presented = PresentedCredential.parse(authorization, queryToken);
        if (presented instanceof PresentedCredential.None) {
            return refuse(Outcome.UNAUTHENTICATED, null, "A credential is required.");
        }
        if (presented instanceof PresentedCredential.Ambiguous ambiguous) {
            return refuse(Outcome.INVALID_REQUEST, "invalid_request", ambiguous.reason());
        }
        if (presented instanceof PresentedCredential.Token token && !wellFormed(token.token())
                || presented instanceof PresentedCredential.TokenAndSecret ticket
                        && !(wellFormed(ticket.token()) && TokenFormat.isWellFormedSecret(ticket.secret()))) {
            return refuse(Outcome.UNAUTHENTICATED, "invalid_token", "The credential is not valid.");
        }
        return null;
    }

    private static boolean wellFormed(String token) {
        return TokenFormat.credentialId(token).isPresent();
    }

    private static Decision refuse(Outcome outcome, String error, String description) {
        return Decision.refuse(outcome, error, description, 0);
    }
}
