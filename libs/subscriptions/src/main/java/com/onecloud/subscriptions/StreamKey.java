package com.onecloud.subscriptions;

/** Names a subscribable collection (contract §4, "Subscriptions"): which changes one stream receives. */
public record StreamKey(String value) {

    /** {@code /api/admin/v1/organizations}. */
    public static final StreamKey ORGANIZATIONS = new StreamKey("organizations");

    /** {@code /api/admin/v1/organizations/{orgId}/users}. */
    public static StreamKey users(String organizationId) {
        return new StreamKey("users/" + organizationId);
    }

    /** {@code /api/user/v1/contacts}: one user's personal contacts. */
    public static StreamKey contacts(String organizationId, String userId) {
        return new StreamKey("contacts/" + organizationId + "/" + userId);
    }

    /** {@code /api/admin/v1/organizations/{orgId}/tickets}. */
    public static StreamKey tickets(String organizationId) {
        return new StreamKey("tickets/" + organizationId);
    }
}
