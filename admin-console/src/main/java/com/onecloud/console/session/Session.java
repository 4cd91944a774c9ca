package com.onecloud.console.session;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * What the console keeps of a browser's visit, in its encrypted cookie ({@link SessionCodec}): the CSRF token, the
 * signed-in credential if any, when the browser was last seen, and a one-time message or issued credential for the
 * next page.
 *
 * @param csrf the token every state-changing form must carry back (synchronizer token)
 * @param credential the signed-in ticket, or null before sign-in
 * @param lastSeen epoch second of the last request, for the idle sign-out
 * @param notice a message for the next page, shown once, or null
 * @param issued a token and secret just created or rotated, shown once on the next page, or null
 */
public record Session(String csrf, Credential credential, long lastSeen, Notice notice, Issued issued) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A browser's first visit: a fresh CSRF token and nothing else. */
    public static Session anonymous(long now) {
        return new Session(newCsrfToken(), null, now, null, null);
    }

    public boolean signedIn() {
        return credential != null;
    }

    /** Signed in: a new CSRF token, so that one learnt before sign-in is worth nothing after it. */
    public Session signIn(Credential signedIn, long now) {
        return new Session(newCsrfToken(), signedIn, now, null, null);
    }

    public Session seen(long now) {
        return new Session(csrf, credential, now, notice, issued);
    }

    public Session withNotice(Notice next) {
        return new Session(csrf, credential, lastSeen, next, issued);
    }

    public Session withIssued(Issued next) {
        return new Session(csrf, credential, lastSeen, notice, next);
    }

    static String newCsrfToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The signed-in ticket: what the console presents, as HTTP Basic, to the APIs on every request.
     *
     * @param kind SUPERUSER or APPLICATION
     * @param organizationId an APPLICATION ticket's organization; null for SUPERUSER
     */
    public record Credential(String token, String secret, String kind, String organizationId) {

        public boolean superuser() {
            return "SUPERUSER".equals(kind);
        }

        public String basicAuthorization() {
            return "Basic " + Base64.getEncoder().encodeToString((token + ":" + secret).getBytes(StandardCharsets.UTF_8));
        }

        /** Never the token or secret: records print themselves in logs and exceptions. */
        @Override
        public String toString() {
            return "Credential[" + kind + (organizationId == null ? "" : " of " + organizationId) + "]";
        }
    }

    /** A message for the next page; {@code error} ones carry the API's log token when there is one. */
    public record Notice(boolean error, String text, String logToken) {

        public static Notice info(String text) {
            return new Notice(false, text, null);
        }

        public static Notice error(String text, String logToken) {
            return new Notice(true, text, logToken);
        }
    }

    /** A credential just issued, for the one page that shows it. */
    public record Issued(String ticketId, String token, String secret) {

        @Override
        public String toString() {
            return "Issued[" + ticketId + "]";
        }
    }

    @Override
    public String toString() {
        return "Session[" + credential + "]";
    }
}
