package com.onecloud.events;

import java.time.Instant;

/** {@code data} of {@code onecloud.user.deleted.v1}. */
public record UserDeleted(String organizationId, String userId, Instant deletedAt) {
}
