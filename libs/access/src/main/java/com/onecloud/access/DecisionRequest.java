package com.onecloud.access;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a service asks auth-service about one request: the credential exactly as presented ({@code Authorization}
 * header value and {@code t} query parameter, either may be null) and what the endpoint requires.
 *
 * @param api the API the endpoint belongs to, or null when its audience alone decides (organizations)
 * @param fresh whether the answer must rest on the credential store, not on a verification auth-service cached: the
 *        caller's revocation feed is out of touch with the broker, so neither it nor auth-service may have heard of a
 *        revocation
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record DecisionRequest(String authorization, String queryToken, Audience audience, Api api, boolean fresh) {

    /** A request that a cached verification may answer. */
    public DecisionRequest(String authorization, String queryToken, Audience audience, Api api) {
        this(authorization, queryToken, audience, api, false);
    }

    /** Never print the credential. */
    @Override
    public String toString() {
        return "DecisionRequest[audience=" + audience + ", api=" + api + "]";
    }
}
