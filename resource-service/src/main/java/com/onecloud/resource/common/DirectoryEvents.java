package com.onecloud.resource.common;

import java.time.Instant;

import com.onecloud.events.ActivationChanged;
import com.onecloud.events.CloudEvent;
import com.onecloud.events.OrganizationDeleted;
import com.onecloud.events.Topics;
import com.onecloud.events.UserDeleted;

/** The events this service announces on {@link Topics#DIRECTORY_EVENTS}, keyed by organization id. */
public final class DirectoryEvents {

    /** The CloudEvents {@code source} of every event this service publishes. */
    public static final String SOURCE = "/onecloud/resource-service";

    private DirectoryEvents() {
    }

    public static CloudEvent<UserDeleted> userDeleted(String orgId, String userId) {
        Instant now = Instant.now();
        return CloudEvent.of(SOURCE, Topics.USER_DELETED, userId, now, new UserDeleted(orgId, userId, now));
    }

    /** An organization's activation, as created or changed to; {@code version} is the organization's. */
    public static CloudEvent<ActivationChanged> organizationActivation(String orgId, boolean adminApiEnabled,
            boolean userApiEnabled, long version) {
        Instant now = Instant.now();
        return CloudEvent.of(SOURCE, Topics.ACTIVATION_CHANGED, orgId, now,
                new ActivationChanged(orgId, null, adminApiEnabled, userApiEnabled, version, now));
    }

    /** A user's own User API flag, as created or changed to; {@code version} is the user's. */
    public static CloudEvent<ActivationChanged> userActivation(String orgId, String userId, boolean userApiEnabled,
            long version) {
        Instant now = Instant.now();
        return CloudEvent.of(SOURCE, Topics.ACTIVATION_CHANGED, userId, now,
                new ActivationChanged(orgId, userId, null, userApiEnabled, version, now));
    }

    public static CloudEvent<OrganizationDeleted> organizationDeleted(String orgId) {
        Instant now = Instant.now();
        return CloudEvent.of(SOURCE, Topics.ORGANIZATION_DELETED, orgId, now, new OrganizationDeleted(orgId, now));
    }
}
