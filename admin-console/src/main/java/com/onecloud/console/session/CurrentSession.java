package com.onecloud.console.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.enterprise.context.RequestScoped;

import com.onecloud.console.config.ConsoleConfig;
import com.onecloud.console.session.Session.Credential;
import com.onecloud.console.session.Session.Issued;
import com.onecloud.console.session.Session.Notice;

/**
 * The session of the request being served: opened from the cookie by {@link SessionCookie} before the page runs,
 * changed by the page, and written back by {@link SessionCookie} into the response.
 */
@RequestScoped
public class CurrentSession {

    private final EndedSessions ended;
    private final ConsoleConfig config;
    private Session session;
    private boolean unattended;

    CurrentSession(EndedSessions ended, ConsoleConfig config) {
        this.ended = ended;
        this.config = config;
    }

    void start(Session opened) {
        this.session = opened;
    }

    public Session state() {
        return session;
    }

    /** Marks this request as not the person's doing (a live relay): it does not put off the idle sign-out. */
    public void markUnattended() {
        unattended = true;
    }

    boolean unattended() {
        return unattended;
    }

    /** The signed-in credential; a page that needs one and finds none sends the browser to sign in. */
    public Credential credential() {
        if (session == null || !session.signedIn()) {
            throw new SignedOut(null);
        }
        return session.credential();
    }

    /**
     * The credential for a state change, after checking the form's CSRF token against the session's. This is the
     * only way a page obtains the credential for a change, so no change can skip the check.
     */
    public Credential forChange(String formCsrfToken) {
        if (!csrfMatches(formCsrfToken)) {
            throw new CsrfRefused();
        }
        return credential();
    }

    /** Checks the CSRF token of a form that needs no credential (sign-in, sign-out). */
    public void requireCsrf(String formCsrfToken) {
        if (!csrfMatches(formCsrfToken)) {
            throw new CsrfRefused();
        }
    }

    private boolean csrfMatches(String formCsrfToken) {
        return session != null && formCsrfToken != null && MessageDigest.isEqual(
                session.csrf().getBytes(StandardCharsets.US_ASCII), formCsrfToken.getBytes(StandardCharsets.UTF_8));
    }

    public String csrfToken() {
        return session.csrf();
    }

    /** Signs in, ending a session signed in before in this browser as a sign-out would. */
    public void signIn(Credential credential, long now) {
        endSignedIn(now);
        session = session.signIn(credential, now);
    }

    /**
     * Forgets the credential, and has this replica refuse a copy of the signed-in session's cookie from now on; the
     * next page gets the {@code reason}, if any.
     */
    public void signOut(long now, String reason) {
        endSignedIn(now);
        session = Session.anonymous(now);
        if (reason != null) {
            session = session.withNotice(Notice.info(reason));
        }
    }

    private void endSignedIn(long now) {
        if (session != null && session.signedIn()) {
            ended.end(session.csrf(), now, now + config.session().idleTimeout().toSeconds());
        }
    }

    public void notice(Notice notice) {
        session = session.withNotice(notice);
    }

    public void issued(Issued issued) {
        session = session.withIssued(issued);
    }

    /** The message for this page, removed from the session: a reload does not show it again. */
    public Notice takeNotice() {
        Notice notice = session.notice();
        session = session.withNotice(null);
        return notice;
    }

    /** The credential issued for this page, removed from the session: it is shown exactly once. */
    public Issued takeIssued() {
        Issued issued = session.issued();
        session = session.withIssued(null);
        return issued;
    }
}
