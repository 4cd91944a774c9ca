package com.onecloud.http.openapi;

/** Texts the resources' OpenAPI annotations share (annotation values must be constants). */
public final class ApiDocs {

    /** The {@code ETag} response header of a versioned resource. */
    public static final String ETAG = "The resource's `version` as a strong ETag; a PUT sends it back as `If-Match`.";

    private ApiDocs() {
    }
}
