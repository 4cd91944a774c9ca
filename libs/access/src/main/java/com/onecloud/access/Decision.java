package com.onecloud.access;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * auth-service's answer. {@code error} is the RFC 6750 error code for a refusal ({@code invalid_request},
 * {@code invalid_token}, {@code insufficient_scope}); absent when no credential was presented at all.
 * {@code cacheSeconds} bounds how long the caller may reuse this answer for the same credential.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Decision(Outcome outcome, String error, String description, Principal principal, int cacheSeconds) {

    public enum Outcome {
        /** The request may proceed as {@link Decision#principal()}. */
        ALLOW,
        /** 400: more than one credential, or a malformed Authorization header. */
        INVALID_REQUEST,
        /** 401: no credential, or one that is unknown, malformed, expired, revoked or has a wrong secret. */
        UNAUTHENTICATED,
        /** 403: a valid credential whose kind or granted APIs do not allow the endpoint. */
        FORBIDDEN
    }

    public static Decision allow(Principal principal, int cacheSeconds) {
        return new Decision(Outcome.ALLOW, null, null, principal, cacheSeconds);
    }

    public static Decision refuse(Outcome outcome, String error, String description, int cacheSeconds) {
        return new Decision(outcome, error, description, null, cacheSeconds);
    }
}
