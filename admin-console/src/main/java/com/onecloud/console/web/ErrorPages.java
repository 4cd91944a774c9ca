package com.onecloud.console.web;

import java.time.Clock;
import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.onecloud.console.api.ApiException;
import com.onecloud.console.api.ApiProblem;
import com.onecloud.console.session.CsrfRefused;
import com.onecloud.console.session.CurrentSession;
import com.onecloud.console.session.SignedOut;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * The one place failures become pages: an API's refusal as its message and log token, a missing or rejected
 * credential as a trip to the sign-in page, a form without this session's CSRF token as 403.
 */
public class ErrorPages {

    private final Pages pages;
    private final CurrentSession session;
    private final Template error;
    private final Clock clock;

    ErrorPages(Pages pages, CurrentSession session, @Location("error.html") Template error, Clock clock) {
        this.pages = pages;
        this.session = session;
        this.error = error;
        this.clock = clock;
    }

    @ServerExceptionMapper
    public Response refused(ApiException e) {
        ApiProblem problem = e.problem();
        // The API's 4xx is the page's status too; its 5xx, or no answer at all, is this gateway's 502.
        int status = problem.status() >= 500 ? 502 : problem.status();
        return html(status, pages.page(error, "The request was refused").data("problem", problem).render());
    }

    @ServerExceptionMapper
    public Response signedOut(SignedOut e) {
        // A session signed out before the page ran (idle, expired) keeps the message that said why.
        if (session.state().signedIn() || e.reason() != null) {
            session.signOut(clock.instant().getEpochSecond(), e.reason());
        }
        return Pages.redirect("/sign-in");
    }

    @ServerExceptionMapper
    public Response csrf(CsrfRefused e) {
        ApiProblem problem = new ApiProblem("admin-console", 403, "this form was not sent from this console's page,"
                + " or the page is too old (its CSRF token is missing or wrong). Open the page again and retry.",
                null, List.of());
        return html(403, pages.page(error, "Form refused").data("problem", problem).render());
    }

    private static Response html(int status, String body) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(body).build();
    }
}
