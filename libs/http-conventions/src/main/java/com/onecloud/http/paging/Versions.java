package com.onecloud.http.paging;

import com.onecloud.http.problem.InvalidInput;

/**
 * The optimistic concurrency of contract §4: every resource has a {@code version}, sent as a strong {@code ETag};
 * a {@code PUT} carries it as {@code If-Match} or in the body's {@code version} field.
 */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version a PUT expects: {@code If-Match} if present (it wins), else the body's field.
     *
     * @throws InvalidInput when neither is given, or If-Match is not one of our ETags
     */
    public static long expected(String ifMatch, Long bodyVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String tag = ifMatch.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            }
            try {
                return Long.parseLong(tag);
            } catch (NumberFormatException e) {
                throw InvalidInput.of("If-Match", "If-Match must be the resource's ETag.");
            }
        }
        if (bodyVersion == null) {
            throw InvalidInput.of("version", "The current version is required, as If-Match or in the version field.");
        }
        return bodyVersion;
    }
}
