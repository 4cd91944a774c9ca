package com.onecloud.console.oidc;

import java.time.Clock;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.onecloud.console.session.CurrentSession;
import com.onecloud.console.session.Session.Notice;
import com.onecloud.console.signin.CredentialCheck.Outcome;
import com.onecloud.console.signin.SignInPage;
import com.onecloud.console.web.Pages;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Sign-in through the OpenID Connect provider (authorization code flow with PKCE, run by Quarkus OIDC), and the
 * hand-over: this path is also the redirect URI, so the provider sends the browser back here, Quarkus OIDC exchanges
 * the code, and this page moves the provider's access token into the console's own session as a Bearer credential.
 * Quarkus OIDC's session cookie is removed in the same answer: the console's session stays the one place the
 * credential is kept, and signing out of it ends everything the console holds.
 */
@Path("/sign-in/oidc")
public class ProviderSignInResource {

    /** Quarkus OIDC's session cookie of the default tenant. */
    static final String SESSION_COOKIE = "q_session";

    private final ProviderSignIn provider;
    private final ProviderTokenCheck check;
    private final SecurityIdentity identity;
    private final RoutingContext routingContext;
    private final CurrentSession session;
    private final SignInPage signInPage;
    private final Pages pages;
    private final Template signedIn;
    private final Clock clock;

    ProviderSignInResource(ProviderSignIn provider, ProviderTokenCheck check, SecurityIdentity identity,
            RoutingContext routingContext, CurrentSession session, SignInPage signInPage, Pages pages,
            @Location("signed-in.html") Template signedIn, Clock clock) {
        this.provider = provider;
        this.check = check;
        this.identity = identity;
        this.routingContext = routingContext;
        this.session = session;
        this.signInPage = signInPage;
        this.pages = pages;
        this.signedIn = signedIn;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response signIn() {
        if (!provider.enabled()) {
            throw new NotFoundException();
        }
        // Authentication is not proactive here: asking for the identity runs Quarkus OIDC's code flow, and an
        // anonymous one is answered with its redirect to the provider (state and PKCE cookie included).
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        dropQuarkusOidcSession();
        Outcome outcome = check.check(token == null ? null : token.getToken());
        if (outcome.credential() == null) {
            session.signOut(clock.instant().getEpochSecond(), null);
            session.notice(Notice.error(outcome.refusal(), null));
            return html(signInPage.render().render());
        }
        session.signIn(outcome.credential(), clock.instant().getEpochSecond());
        return html(pages.page(signedIn, "Signed in").data("refresh", "/").render());
    }

    /**
     * Removes Quarkus OIDC's session cookie, which its code flow has just added to this answer, and its chunks if it
     * was split: the browser never keeps it. (OidcSession's logout only expires one the request came with.)
     */
    private void dropQuarkusOidcSession() {
        HttpServerResponse response = routingContext.response();
        response.removeCookie(SESSION_COOKIE, true);
        for (int chunk = 1; response.removeCookie(SESSION_COOKIE + "_chunk_" + chunk, true) != null; chunk++) {
            // Each chunk removed; the first missing one ends the split cookie.
        }
    }

    /**
     * A page rather than a redirect: the browser came here from the provider's site, and a SameSite=Strict session
     * cookie set now would not be sent along a redirect of that same navigation. The page's refresh is a navigation
     * of this site's own, which sends it.
     */
    private static Response html(String body) {
        return Response.ok(body, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}
