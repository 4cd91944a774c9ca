package com.onecloud.events;

import java.time.Instant;

/** {@code data} of {@code onecloud.organization.deleted.v1}. */
public record OrganizationDeleted(String organizationId, Instant deletedAt) {
}
