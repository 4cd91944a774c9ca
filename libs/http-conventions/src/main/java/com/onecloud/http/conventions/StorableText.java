package com.onecloud.http.conventions;

/**
 * Which characters a text value of a request may hold: exactly those that XML 1.0 can carry (its {@code Char}
 * production), since every representation is returned in XML as well as JSON. Refused: NUL, which PostgreSQL cannot
 * store, the other C0 control characters except tab, line feed and carriage return, an unpaired surrogate, and the
 * non-characters U+FFFE and U+FFFF. A value stored with one of them could be read back in JSON, but an XML response
 * holding it would not be well-formed. DEL and the C1 controls are allowed: XML 1.0 carries them and PostgreSQL stores
 * them. The rule is the same for JSON and XML bodies, query parameters and the path.
 */
public final class StorableText {

    /** The message of every refusal under this rule, after the name of what held the character. */
    public static final String REFUSED = "contains a character that is not allowed (a control character other than"
            + " tab, line feed or carriage return, or a non-character)";

    private StorableText() {
    }

    /** The index of the first character that is refused, or -1 when the whole value is allowed. */
    public static int firstRefused(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0xD800) {
                continue; // nearly every character: one comparison pair
            }
            if (c < 0x20) {
                if (c != '\t' && c != '\n' && c != '\r') {
                    return i;
                }
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                return i;
            }
        }
        return -1;
    }

    public static boolean isAllowed(CharSequence text) {
        return firstRefused(text) < 0;
    }

    /**
     * The text with every refused character replaced by U+FFFD, for echoing what a client sent (an unknown field's
     * name) in a problem body, which must itself be well-formed XML.
     */
    public static String sanitize(String text) {
        if (text == null || isAllowed(text)) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length());
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                clean.append(c).append(text.charAt(++i));
            } else {
                clean.append(isAllowed(String.valueOf(c)) ? c : '\uFFFD');
            }
        }
        return clean.toString();
    }
}
