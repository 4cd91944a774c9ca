package com.onecloud.http.conventions;

import java.util.Locale;
import java.util.Optional;

import com.onecloud.http.problem.ProblemFormat;

/**
 * The contract's media type rules. Bodies are {@code application/json} or {@code application/xml} (parameters such as
 * charset are fine). {@code Accept} may be absent, {@code application/json}, {@code application/xml} or a wildcard
 * that covers them, with q-values honoured; a wildcard or an absent header means JSON. The RFC 9457 problem types
 * count as their format: a client that asks for {@code application/problem+json} (as generated clients do for an
 * operation that answers no body) reads JSON.
 */
public final class MediaNegotiation {

    private MediaNegotiation() {
    }

    public static boolean isSupportedContentType(String contentType) {
        if (contentType == null) {
            return false;
        }
        String base = baseType(contentType);
        return base.equals("application/json") || base.equals("application/xml");
    }

    /** The representation the client asked for, or empty when its {@code Accept} allows none of ours. */
    public static Optional<ProblemFormat> negotiate(String accept) {
        if (accept == null || accept.isBlank() || accept.equals("*/*") || accept.equals("application/json")) {
            return Optional.of(ProblemFormat.JSON);
        }
        ProblemFormat best = null;
        double bestQ = 0;
        boolean bestIsWildcard = false;
        for (String range : accept.split(",")) {
            String type = baseType(range);
            double q = qValue(range);
            ProblemFormat format = switch (type) {
                case "application/json", "application/problem+json", "application/*", "*/*" -> ProblemFormat.JSON;
                case "application/xml", "application/problem+xml" -> ProblemFormat.XML;
                default -> null;
            };
            boolean wildcard = type.contains("*");
            // A specific type beats a wildcard of the same weight, so "*/*, application/xml" means XML.
            boolean wins = q > bestQ || q == bestQ && q > 0 && bestIsWildcard && !wildcard;
            if (format != null && wins) {
                best = format;
                bestQ = q;
                bestIsWildcard = wildcard;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether {@code Accept} names an RFC 9457 problem type (which {@link #negotiate} reads as its format). */
    public static boolean namesProblemType(String accept) {
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("application/problem+");
    }

    /**
     * Whether {@code Accept} asks for a subscription (contract §4): {@code text/event-stream}, alone or beside other
     * types. Only the subscribable collections produce it; elsewhere the request is refused like any other type.
     */
    public static boolean asksForEventStream(String accept) {
        if (accept == null) {
            return false;
        }
        for (String range : accept.split(",")) {
            if (baseType(range).equals("text/event-stream") && qValue(range) > 0) {
                return true;
            }
        }
        return false;
    }

    private static String baseType(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        String base = semicolon < 0 ? mediaType : mediaType.substring(0, semicolon);
        return base.trim().toLowerCase(Locale.ROOT);
    }

    private static double qValue(String range) {
        for (String param : range.split(";")) {
            String p = param.trim();
            if (p.length() > 2 && (p.startsWith("q=") || p.startsWith("Q="))) {
                try {
                    double q = Double.parseDouble(p.substring(2).trim());
                    return q < 0 || q > 1 ? 0 : q;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
