package com.onecloud.http.openapi;

import java.lang.reflect.Method;

import org.eclipse.microprofile.openapi.annotations.Operation;

/** Texts the resources' OpenAPI annotations share (annotation values must be constants). */
public final class ApiDocs {

    /** The {@code ETag} response header of a versioned resource. */
    public static final String ETAG = "The resource's `version` as a strong ETag; a PUT sends it back as `If-Match`.";

    /** A collection that a GET can also subscribe to (contract §4, "Subscriptions"). */
    public static final String SUBSCRIBABLE = "With `Accept: text/event-stream` the same GET subscribes to the"
            + " collection's changes instead, as Server-Sent Events: `created`, `updated`, `deleted` (tickets: `created`,"
            + " `rotated`, `revoked`, `expired`), resumable with `Last-Event-ID`; see the README, \"Subscriptions\".";

    private ApiDocs() {
    }

    /**
     * Whether the method is left out of the OpenAPI document ({@code @Operation(hidden = true)}): a variant of a
     * documented operation on the same path, such as a collection's subscription beside its list, which the list's
     * operation describes.
     */
    public static boolean isHidden(Method method) {
        Operation operation = method.getAnnotation(Operation.class);
        return operation != null && operation.hidden();
    }
}
