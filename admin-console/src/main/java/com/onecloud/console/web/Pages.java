package com.onecloud.console.web;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import com.onecloud.console.session.CurrentSession;
import com.onecloud.console.session.Session.Credential;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * What every page shows besides its own content: the CSRF token for its forms, who is signed in (for the
 * navigation), and the one-time notice of the session.
 */
@ApplicationScoped
public class Pages {

    private final CurrentSession session;

    Pages(CurrentSession session) {
        this.session = session;
    }

    public TemplateInstance page(Template template, String title) {
        Credential credential = session.state().signedIn() ? session.credential() : null;
        return template.data("title", title)
                .data("csrf", session.csrfToken())
                .data("signedIn", credential != null)
                .data("superuser", credential != null && credential.superuser())
                .data("user", credential != null && credential.user())
                .data("homeOrg", credential == null ? null : credential.organizationId())
                .data("notice", session.takeNotice())
                .data("refresh", null);
    }

    /** Post/redirect/get: a form's answer is a page the browser can reload without sending the form again. */
    public static Response redirect(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
