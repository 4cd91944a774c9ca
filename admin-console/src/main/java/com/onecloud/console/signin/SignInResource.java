package com.onecloud.console.signin;

import java.time.Clock;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import com.onecloud.console.api.ApiClient;
import com.onecloud.console.session.CurrentSession;
import com.onecloud.console.session.Session.Notice;
import com.onecloud.console.web.Pages;

import io.quarkus.qute.TemplateInstance;

/**
 * Signing in with a ticket's token and secret, and out; {@code /} sends each kind to its starting page. Signing in
 * through a provider is {@code ProviderSignInResource}'s; signing out is the same for both, since the console's
 * session is the only place either credential is kept.
 */
@Path("/")
public class SignInResource {

    private final CurrentSession session;
    private final CredentialCheck check;
    private final SignInPage signInPage;
    private final Clock clock;

    SignInResource(CurrentSession session, CredentialCheck check, SignInPage signInPage, Clock clock) {
        this.session = session;
        this.check = check;
        this.signInPage = signInPage;
        this.clock = clock;
    }

    @GET
    public Response home() {
        if (!session.state().signedIn()) {
            return Pages.redirect("/sign-in");
        }
        var credential = session.credential();
        if (credential.user()) {
            return Pages.redirect("/my/tickets");
        }
        return Pages.redirect(credential.superuser() ? "/organizations"
                : "/organizations/" + ApiClient.segment(credential.organizationId()) + "/tickets");
    }

    @GET
    @Path("sign-in")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form() {
        return signInPage.render();
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@RestForm String csrf, @RestForm String token, @RestForm String secret,
            @RestForm String organizationId) {
        session.requireCsrf(csrf);
        CredentialCheck.Outcome outcome = check.check(token, secret, organizationId);
        if (outcome.credential() == null) {
            session.notice(Notice.error(outcome.refusal(), null));
            return Pages.redirect("/sign-in");
        }
        session.signIn(outcome.credential(), clock.instant().getEpochSecond());
        return Pages.redirect("/");
    }

    @POST
    @Path("sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@RestForm String csrf) {
        session.requireCsrf(csrf);
        session.signOut(clock.instant().getEpochSecond(), "You are signed out.");
        return Pages.redirect("/sign-in");
    }
}
