package com.onecloud.access;

import com.onecloud.access.Decision.Outcome;

/**
 * Contract §3 rules 2–4 for an authenticated principal: the endpoint's audience must admit the principal's kind, and
 * the endpoint's API must be among its granted APIs. (Rule 1 is authentication; rule 5, tenancy, is enforced in each
 * service's queries; rule 6 by ticket-service when a user issues a token.)
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    public static Decision decide(Principal principal, Audience audience, Api api, int cacheSeconds) {
        if (!audience.admits(principal.kind())) {
            return Decision.refuse(Outcome.FORBIDDEN, "insufficient_scope",
                    "A " + principal.kind() + " credential cannot use this API.", cacheSeconds);
        }
        if (api != null && !principal.apis().contains(api)) {
            return Decision.refuse(Outcome.FORBIDDEN, "insufficient_scope",
                    "The credential is not granted the " + api + " API.", cacheSeconds);
        }
        return Decision.allow(principal, cacheSeconds);
    }
}
