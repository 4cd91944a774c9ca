package com.onecloud.console.signin;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import com.onecloud.console.api.ApiClient;
import com.onecloud.console.api.ApiClient.Service;
import com.onecloud.console.api.ApiProblem;
import com.onecloud.console.session.Session.Credential;

/**
 * Finds out, from the public APIs' own answers, who a token and secret are, since the console has no introspection
 * of its own (auth-service is internal, and its network policy lets only ticket- and resource-service reach it):
 * <ol>
 * <li>{@code GET /api/admin/v1/tickets} answers 200 only to a SUPERUSER;</li>
 * <li>a 403 there is another kind: {@code GET /api/admin/v1/organizations/{orgId}/tickets} answers 200 only to an
 * APPLICATION ticket of that organization granted {@code TICKETS} (with the Admin API activated);</li>
 * <li>a USER token (a Bearer token, no secret) is known by the 403 that the Admin API gives a valid Bearer token, and
 * is refused.</li>
 * </ol>
 */
@ApplicationScoped
public class CredentialCheck {

    public static final String SUPERUSER_PROBE = "/api/admin/v1/tickets?limit=1";
    static final String NOT_ACCEPTED = "The token and secret were not accepted: unknown, mistyped, revoked or expired.";
    static final String USER_TOKEN = "This is a USER token, and the console does not sign in USER tokens: it is for"
            + " SUPERUSER tickets and application tickets granted TICKETS.";

    private final ApiClient api;

    CredentialCheck(ApiClient api) {
        this.api = api;
    }

    /** The credential to sign in with, or the reason it may not. */
    public Outcome check(String token, String secret, String organizationId) {
        if (token == null || token.isBlank()) {
            return Outcome.refused("Enter the ticket's token.");
        }
        token = token.trim();
        if (secret == null || secret.isBlank()) {
            return isUserToken(token) ? Outcome.refused(USER_TOKEN)
                    : Outcome.refused("Enter the ticket's secret as well as its token.");
        }
        String basic = "Basic " + Base64.getEncoder().encodeToString((token + ":" + secret.trim())
                .getBytes(StandardCharsets.UTF_8));
        int superuser = api.status(Service.TICKET, SUPERUSER_PROBE, basic);
        if (superuser == 200) {
            return Outcome.signedIn(Credential.ticket(token, secret.trim(), "SUPERUSER", null));
        }
        if (superuser == 401) {
            return isUserToken(token) ? Outcome.refused(USER_TOKEN) : Outcome.refused(NOT_ACCEPTED);
        }
        if (superuser != 403) {
            return Outcome.refused("ticket-service could not check the credential (" + superuser
                    + "); try again in a moment.");
        }
        if (organizationId == null || organizationId.isBlank()) {
            return Outcome.refused("This is not a SUPERUSER ticket. For an application ticket, enter its"
                    + " organization's ID as well.");
        }
        String tickets = "/api/admin/v1/organizations/" + ApiClient.segment(organizationId.trim()) + "/tickets?limit=1";
        int application = api.status(Service.TICKET, tickets, basic);
        return switch (application) {
            case 200 -> Outcome.signedIn(Credential.ticket(token, secret.trim(), "APPLICATION",
                    organizationId.trim()));
            case 401 -> Outcome.refused(NOT_ACCEPTED);
            case 404 -> Outcome.refused("This ticket does not belong to organization " + organizationId.trim() + ".");
            case 403 -> {
                ApiProblem problem = api.problem(Service.TICKET, tickets, basic);
                yield Outcome.refused("This ticket may not manage the organization's tickets: " + problem.detail()
                        + (problem.logToken() == null ? "" : " (log token " + problem.logToken() + ")"));
            }
            default -> Outcome.refused("ticket-service could not check the credential (" + application
                    + "); try again in a moment.");
        };
    }

    private boolean isUserToken(String token) {
        return api.status(Service.TICKET, SUPERUSER_PROBE, "Bearer " + token) == 403;
    }

    /** Either a credential or the reason for the person at the sign-in form. */
    public record Outcome(Credential credential, String refusal) {

        public static Outcome signedIn(Credential credential) {
            return new Outcome(credential, null);
        }

        public static Outcome refused(String refusal) {
            return new Outcome(null, refusal);
        }
    }
}
