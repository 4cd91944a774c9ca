package com.onecloud.http.logging;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks anything that looks like a OneCloud credential in a piece of text: tokens ({@code oc_...}), the value of an
 * {@code Authorization} scheme, a {@code t} query parameter and a {@code secret} field. Services never log a
 * credential on purpose; this is the net under that rule, applied to every log line.
 */
public final class CredentialRedaction {

    public static final String MASK = "[REDACTED]";

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("(?i)\\b(Bearer|Basic)\\s+[A-Za-z0-9._~+/=-]+"), "$1 " + MASK),
            new Rule(Pattern.compile("(?i)([?&;]t=)[^&\\s\"']+"), "$1" + MASK),
            new Rule(Pattern.compile("(?i)(\"?secret\"?\\s*[:=]\\s*\"?)[^\"\\s,}&]+"), "$1" + MASK),
            new Rule(Pattern.compile("\\boc_[A-Za-z0-9_-]+"), "oc_" + MASK));

    private CredentialRedaction() {
    }

    public static String redact(String text) {
        if (text == null || !mayHoldCredential(text)) {
            return text;
        }
        String result = text;
        for (Rule rule : RULES) {
            Matcher m = rule.pattern.matcher(result);
            if (m.find()) {
                result = m.replaceAll(rule.replacement);
            }
        }
        return result;
    }

    /**
     * Whether any rule could match: one pass over the text, ignoring case, for what every rule's match begins with
     * ({@code bearer}, {@code basic}, {@code secret}, {@code oc_}, or {@code t=} after {@code ?}, {@code &} or
     * {@code ;}). Most lines, every access log line among them, hold none of these; a regular expression of the same
     * alternatives cost a few per cent of a request's CPU.
     */
    static boolean mayHoldCredential(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            boolean candidate = switch (text.charAt(i)) {
                case 'b', 'B' -> startsAt(text, i, "bearer") || startsAt(text, i, "basic");
                case 's', 'S' -> startsAt(text, i, "secret");
                case 'o', 'O' -> startsAt(text, i, "oc_");
                case '?', '&', ';' -> startsAt(text, i + 1, "t=");
                default -> false;
            };
            if (candidate) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsAt(String text, int index, String lowerCase) {
        return text.regionMatches(true, index, lowerCase, 0, lowerCase.length());
    }

    private record Rule(Pattern pattern, String replacement) {
    }
}
