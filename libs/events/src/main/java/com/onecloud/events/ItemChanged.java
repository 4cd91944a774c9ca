package com.onecloud.events;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code data} of the created, updated and deleted events of organizations, users and personal contacts: the item as
 * the API represents it (contract §4; only its {@code id} for a deletion), for subscribers (contract §4,
 * "Subscriptions").
 *
 * @param organizationId the organization the item belongs to (the organization itself for an organization)
 * @param userId the user whose personal contact it is; null for other items
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemChanged(String organizationId, String userId, Map<String, Object> item) {
}
