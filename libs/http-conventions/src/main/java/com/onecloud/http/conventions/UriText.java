package com.onecloud.http.conventions;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import com.onecloud.http.problem.ApiError;

/**
 * {@link StorableText} for the request URI: a percent-encoded character that a body could not hold either (e.g.
 * {@code %00}) is a 400 naming the query parameter that holds it, or {@code path}, before any route is chosen. A raw
 * control character never gets this far: the HTTP codec refuses the request line itself.
 */
public final class UriText {

    private UriText() {
    }

    /**
     * The refusal of a request whose path or query holds a refused character, or null when both are fine.
     *
     * @param rawPath the path as sent, still percent-encoded
     * @param rawQuery the query string as sent (without {@code ?}), or null
     */
    public static ApiError refusal(String rawPath, String rawQuery) {
        // Only a percent-encoded character can be refused, so a URI without '%' costs one scan.
        if (rawPath != null && rawPath.indexOf('%') >= 0) {
            String path = decode(rawPath.replace("+", "%2B"));
            if (path == null || !StorableText.isAllowed(path)) {
                return ApiError.invalid("path", path == null ? "The path is not correctly percent-encoded."
                        : "The path " + StorableText.REFUSED + ".");
            }
        }
        if (rawQuery == null || rawQuery.indexOf('%') < 0) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name = decode(rawName);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            String named = name == null || !StorableText.isAllowed(name) ? StorableText.sanitize(rawName) : name;
            if (name == null || value == null) {
                return ApiError.invalid(named, "Query parameter '" + named + "' is not correctly percent-encoded.");
            }
            if (!StorableText.isAllowed(name) || !StorableText.isAllowed(value)) {
                return ApiError.invalid(named, "Query parameter '" + named + "' " + StorableText.REFUSED + ".");
            }
        }
        return null;
    }

    /** Percent-decodes as UTF-8 (a malformed sequence reads as U+FFFD), or null when a '%' is not followed by hex. */
    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
