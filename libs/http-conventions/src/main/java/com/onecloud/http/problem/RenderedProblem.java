package com.onecloud.http.problem;

import java.util.Map;

/** A problem ready to be written: status, media type, body bytes and the headers to send with it. */
public record RenderedProblem(int status, String mediaType, byte[] body, Map<String, String> headers) {
}
