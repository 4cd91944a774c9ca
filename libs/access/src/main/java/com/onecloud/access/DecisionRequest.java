package com.onecloud.access;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a service asks auth-service about one request: the credential exactly as presented ({@code Authorization}
 * header value and {@code t} query parameter, either may be null) and what the endpoint requires.
 *
 * @param api the API the endpoint belongs to, or null when its audience alone decides (organizations)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionRequest(String authorization, String queryToken, Audience audience, Api api) {

    /** Never print the credential. */
    @Override
    public String toString() {
        return "DecisionRequest[audience=" + audience + ", api=" + api + "]";
    }
}
