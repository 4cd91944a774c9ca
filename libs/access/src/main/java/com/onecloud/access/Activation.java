package com.onecloud.access;

import com.onecloud.access.Decision.Outcome;

/**
 * Contract §3 rule 7: which APIs a principal's organization has activated, and whether its user may use the User API.
 * SUPERUSER principals are not affected; the other kinds are refused (403) on an API that is not activated for them,
 * with a detail that names the API.
 *
 * @param adminApi the organization's {@code adminApiEnabled}
 * @param organizationUserApi the organization's {@code userApiEnabled}
 * @param userUserApi the user's own {@code userApiEnabled} (true for principals that are not a user)
 */
public record Activation(boolean adminApi, boolean organizationUserApi, boolean userUserApi) {

    /** What a caller assumes when it knows nothing newer than auth-service's answer: that answer stands. */
    public static final Activation UNRESTRICTED = new Activation(true, true, true);

    static final String ADMIN_API_OFF = "The Admin API is not activated for this organization.";
    static final String USER_API_OFF_FOR_ORGANIZATION = "The User API is not enabled for this organization.";
    static final String USER_API_OFF_FOR_USER = "The User API is not enabled for this user.";

    /** The refusal of {@code principal} on {@code audience} under this activation, or null when rule 7 lets it pass. */
    public Decision refusal(Principal principal, Audience audience) {
        if (principal.kind() == PrincipalKind.SUPERUSER) {
            return null;
        }
        if (audience == Audience.ADMIN_API && !adminApi) {
            return forbidden(ADMIN_API_OFF);
        }
        if (audience == Audience.USER_API && !organizationUserApi) {
            return forbidden(USER_API_OFF_FOR_ORGANIZATION);
        }
        if (audience == Audience.USER_API && !userUserApi) {
            return forbidden(USER_API_OFF_FOR_USER);
        }
        return null;
    }

    /** {@code decision}, or rule 7's refusal when it allows a principal that this activation does not. */
    public Decision apply(Decision decision, Audience audience) {
        if (decision.outcome() != Outcome.ALLOW) {
            return decision;
        }
        Decision refusal = refusal(decision.principal(), audience);
        return refusal == null ? decision : refusal;
    }

    private static Decision forbidden(String detail) {
        return Decision.refuse(Outcome.FORBIDDEN, "insufficient_scope", detail, 0);
    }
}
