package com.onecloud.ticket.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.onecloud.http.problem.InvalidInput;

/**
 * When a new ticket expires: at the {@code expiresAt} its creator chose, or else as late as allowed. Allowed is at most
 * {@code maximum} from now and, for a ticket derived from another credential (a user's own token), no later than that
 * credential's end: a token never outlives the credential that made it. A default is cut to that end; an explicit
 * {@code expiresAt} beyond it is refused, so that a client learns it did not get what it asked for.
 */
public record Validity(Duration maximum) {

    /**
     * @param requested the {@code expiresAt} of the request, or null for the longest allowed
     * @param sourceEnd the end of the credential the ticket derives from, or null if it derives from none
     */
    public Instant decide(Instant requested, Instant sourceEnd, Instant now) {
        Instant longest = now.plus(maximum);
        Instant latest = sourceEnd == null || longest.isBefore(sourceEnd) ? longest
                : sourceEnd.truncatedTo(ChronoUnit.MICROS);
        if (requested == null) {
            if (!latest.isAfter(now)) {
                throw InvalidInput.of("expiresAt",
                        "The presenting credential has ended; no token can be made from it.");
            }
            return latest;
        }
        if (!requested.isAfter(now)) {
            throw InvalidInput.of("expiresAt", "expiresAt must be in the future.");
        }
        if (requested.isAfter(longest)) {
            throw InvalidInput.of("expiresAt", "expiresAt must be at most " + maximum.toDays() + " days from now.");
        }
        if (requested.isAfter(latest)) {
            throw InvalidInput.of("expiresAt", "expiresAt must not be later than the end of the presenting credential, "
                    + sourceEnd.truncatedTo(ChronoUnit.SECONDS) + ".");
        }
        return requested;
    }
}
