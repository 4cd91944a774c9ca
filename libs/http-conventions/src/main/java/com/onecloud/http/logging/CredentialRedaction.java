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
            new Rule(Pattern.compile("([?&;]t=)[^&\\s\"']+"), "$1" + MASK),
            new Rule(Pattern.compile("(?i)(\"?secret\"?\\s*[:=]\\s*\"?)[^\"\\s,}&]+"), "$1" + MASK),
            new Rule(Pattern.compile("\\boc_[A-Za-z0-9_-]+"), "oc_" + MASK));

    /** One cheap pass that rules out most lines (every access log line without a query) before the rules run. */
    private static final Pattern CANDIDATE = Pattern.compile("(?i)bearer|basic|secret|oc_|[?&;]t=");

    private CredentialRedaction() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty() || !CANDIDATE.matcher(text).find()) {
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

    private record Rule(Pattern pattern, String replacement) {
    }
}
