package com.onecloud.console.session;

import java.time.Clock;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.onecloud.console.config.ConsoleConfig;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;

/**
 * Opens the session cookie before each page and writes it back after: HttpOnly (no script reads it), SameSite=Strict
 * (no other site's page sends it), Secure outside local runs, and sealed ({@link SessionCodec}). A signed-in session
 * idle longer than the configured time, or whose provider's access token has expired, is signed out here, before the
 * page runs; a copy of a session this replica signed out ({@link EndedSessions}) opens as a new, anonymous one.
 */
// Made at start, so that a console without its key fails to start rather than at its first page.
@Startup
@ApplicationScoped
public class SessionCookie {

    public static final String NAME = "onecloud_console";
    /** The header console.js puts on a list's read after a live update. */
    public static final String REFRESH_HEADER = "X-Console-Refresh";
    static final String ENDED = "Your sign-in through the identity provider has ended (its access token expired)."
            + " Sign in again.";

    private final SessionCodec codec;
    private final ConsoleConfig config;
    private final CurrentSession current;
    private final EndedSessions ended;
    private final Clock clock;

    SessionCookie(ConsoleConfig config, CurrentSession current, EndedSessions ended, Clock clock) {
        this.config = config;
        this.current = current;
        this.ended = ended;
        this.clock = clock;
        this.codec = new SessionCodec(config.session().key().orElseThrow(() -> new IllegalStateException(
                "onecloud.console.session.key (ONECLOUD_CONSOLE_SESSION_KEY) is not set: the console needs the key"
                        + " that encrypts its sessions (Base64 of 32 random bytes, the same on every replica)")));
        if (LaunchMode.current() == LaunchMode.NORMAL && !config.session().secure()) {
            Logger.getLogger(SessionCookie.class).warn(
                    "The session cookie is sent without Secure: only for local runs over plain HTTP");
        }
    }

    @ServerRequestFilter(preMatching = true)
    public void open(ContainerRequestContext request) {
        long now = clock.instant().getEpochSecond();
        Map<String, Cookie> cookies = request.getCookies();
        Cookie cookie = cookies.get(NAME);
        Session session = cookie == null ? null : codec.open(cookie.getValue()).orElse(null);
        if (session == null) {
            current.start(Session.anonymous(now));
            return;
        }
        if (session.signedIn() && ended.ended(session.csrf(), now)) {
            current.start(Session.anonymous(now));
            return;
        }
        current.start(session);
        if (session.signedIn() && now - session.lastSeen() > config.session().idleTimeout().toSeconds()) {
            current.signOut(now, "You were signed out after " + config.session().idleTimeout().toMinutes()
                    + " minutes without activity. Sign in again.");
        } else if (session.signedIn() && session.credential().endedAt(now)) {
            current.signOut(now, ENDED);
        }
    }

    @ServerResponseFilter
    public void write(ContainerRequestContext request, ContainerResponseContext response) {
        // Pages carry the CSRF token and may carry a one-time secret: no cache keeps them.
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        Session session = current.state();
        if (session == null || !activity(request)) {
            return;
        }
        NewCookie cookie = new NewCookie.Builder(NAME).value(codec.seal(session.seen(clock.instant().getEpochSecond())))
                .path("/").httpOnly(true).secure(config.session().secure()).sameSite(NewCookie.SameSite.STRICT).build();
        response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie);
    }

    /**
     * Whether a request is the person's doing. A list's live relay ({@link CurrentSession#markUnattended}) and the
     * reads it triggers (marked by console.js with {@value #REFRESH_HEADER}) are not, and write no cookie: an open page
     * must not keep its session from the idle sign-out, and a read still running when the person moves on must not
     * write back an older session over the newer one (say, with a one-time secret that the next page already took).
     */
    private boolean activity(ContainerRequestContext request) {
        return request.getHeaderString(REFRESH_HEADER) == null && !current.unattended();
    }
}
