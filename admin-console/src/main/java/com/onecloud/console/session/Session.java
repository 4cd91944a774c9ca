package com.onecloud.console.session;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * What the console keeps of a browser's visit, in its encrypted cookie ({@link SessionCodec}): the CSRF token, the
 * signed-in credential if any, when the browser was last seen, and a one-time message or issued credential for the
 * next page.
 *
 * @param csrf the token every state-changing form must carry back (synchronizer token)
 * @param credential the signed-in credential, or null before sign-in
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
     * The signed-in credential: the {@code Authorization} value the console presents to the APIs on every request,
     * HTTP Basic of a ticket's token and secret, or Bearer of an OpenID Connect provider's access token.
     *
     * @param authorization the header value, never logged
     * @param kind SUPERUSER, APPLICATION or USER (USER only from the provider)
     * @param organizationId an APPLICATION ticket's organization; null otherwise
     * @param expiresAt epoch second at which a provider's access token ends; null for a ticket, whose end the APIs
     *        enforce
     * @param apis the APIs a provider's access token grants, offered for a user's own tokens; empty for a ticket
     */
    public record Credential(String authorization, String kind, String organizationId, Long expiresAt,
            List<String> apis) {

        public Credential {
            apis = apis == null ? List.of() : List.copyOf(apis);
        }

        public static Credential ticket(String token, String secret, String kind, String organizationId) {
            return new Credential("Basic " + Base64.getEncoder().encodeToString((token + ":" + secret)
                    .getBytes(StandardCharsets.UTF_8)), kind, organizationId, null, List.of());
        }

        public static Credential bearer(String accessToken, String kind, long expiresAt, List<String> apis) {
            return new Credential("Bearer " + accessToken, kind, null, expiresAt, apis);
        }

        public boolean superuser() {
            return "SUPERUSER".equals(kind);
        }

        public boolean user() {
            return "USER".equals(kind);
        }

        /** Whether a provider's access token has ended: the APIs would refuse it, so the console signs it out. */
        public boolean endedAt(long now) {
            return expiresAt != null && now >= expiresAt;
        }

        /** Never the token or secret: records print themselves in logs and exceptions. */
        @Override
        public String toString() {
            return "Credential[" + kind + (organizationId == null ? "" : " of " + organizationId) + "]";
        }
    }

    /** A message for the next page; {@code error} ones carry the API's log token when there is one. */
    public record Notice(boolean error, String text, String logToken) {

        /** Long enough for any message, short enough that the cookie stays within 4 KB with a provider's token. */
        static final int MAX_TEXT = 400;

        public Notice {
            if (text != null && text.length() > MAX_TEXT) {
                text = text.substring(0, MAX_TEXT - 1) + "…";
            }
        }

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
