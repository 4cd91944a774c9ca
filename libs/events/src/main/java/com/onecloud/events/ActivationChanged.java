package com.onecloud.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code data} of {@code onecloud.activation.changed.v1} (contract §3, rule 7): the API activation of an organization
 * (no {@code userId}; both flags set) or of one user ({@code userId} set; {@code adminApiEnabled} absent) is now as
 * given. resource-service announces it on {@link Topics#DIRECTORY_EVENTS} when an organization or user is created with,
 * or changed to, these flags; ticket-service stores it for auth-service's decision view and then announces it again on
 * {@link Topics#TICKET_EVENTS}, where every replica of every service drops or refuses what the change denies.
 *
 * @param version the organization's or user's version that carries these flags; a consumer keeps the highest it saw
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivationChanged(String organizationId, String userId, Boolean adminApiEnabled, boolean userApiEnabled,
        long version, Instant changedAt) {

    /** Whether this is a user's own flag rather than its organization's. Not a field of the event: userId says it. */
    @JsonIgnore
    public boolean isUsers() {
        return userId != null;
    }
}
