package com.onecloud.access.credential;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The credential of one request, as presented (contract §2): a Bearer token, a Basic ticket (token and secret), a
 * {@code t} query token, or an OIDC JWT in the Bearer scheme. More than one credential, or an unreadable header, is
 * {@link Ambiguous}. Parsing only: nothing here checks a token against the store.
 */
public sealed interface PresentedCredential {

    /** No credential at all. */
    record None() implements PresentedCredential {
    }

    /** A request that cannot be read unambiguously (RFC 6750 {@code invalid_request}). */
    record Ambiguous(String reason) implements PresentedCredential {
    }

    /** A OneCloud token presented without secret: Bearer or {@code ?t=}. */
    record Token(String token) implements PresentedCredential {
        @Override
        public String toString() {
            return "Token[redacted]";
        }
    }

    /** A OneCloud ticket presented with its secret in the Basic scheme. */
    record TokenAndSecret(String token, String secret) implements PresentedCredential {
        @Override
        public String toString() {
            return "TokenAndSecret[redacted]";
        }
    }

    /** A compact JWS in the Bearer scheme, for OpenID Connect verification. */
    record Jwt(String jwt) implements PresentedCredential {
        @Override
        public String toString() {
            return "Jwt[redacted]";
        }
    }

    static PresentedCredential parse(String authorization, String queryToken) {
        boolean hasHeader = authorization != null && !authorization.isBlank();
        boolean hasQuery = queryToken != null && !queryToken.isEmpty();
        if (hasHeader && hasQuery) {
            return new Ambiguous("Present one credential: the Authorization header or the t parameter, not both.");
        }
        if (hasQuery) {
            return new Token(queryToken);
        }
        if (!hasHeader) {
            return new None();
        }
        String header = authorization.trim();
        int space = header.indexOf(' ');
        if (space < 0) {
            return new Ambiguous("The Authorization header must be 'Bearer <token>' or 'Basic <credentials>'.");
        }
        String scheme = header.substring(0, space).toLowerCase(Locale.ROOT);
        String value = header.substring(space + 1).trim();
        if (value.isEmpty() || value.contains(" ") || value.contains(",")) {
            return new Ambiguous("The Authorization header must carry exactly one credential.");
        }
        return switch (scheme) {
            case "bearer" -> isCompactJws(value) ? new Jwt(value) : new Token(value);
            case "basic" -> basic(value);
            default -> new Ambiguous("Unsupported authorization scheme; use Bearer or Basic.");
        };
    }

    /** Exactly two dots: header.payload.signature (a OneCloud token has none). */
    private static boolean isCompactJws(String value) {
        int first = value.indexOf('.');
        int second = first < 0 ? -1 : value.indexOf('.', first + 1);
        return second > 0 && value.indexOf('.', second + 1) < 0;
    }

        private static PresentedCredential basic(String value) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new Ambiguous("The Basic credentials are not valid base64.");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return new Ambiguous("The Basic credentials must be 'token:secret'.");
        }
        return new TokenAndSecret(decoded.substring(0, colon), decoded.substring(colon + 1));
    }
}
