package com.onecloud.ticket.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.onecloud.audit.AuditAction;
import com.onecloud.http.paging.PageRequest;
import com.onecloud.http.problem.InvalidInput;
import com.onecloud.http.problem.Violation;

/**
 * An audit trail as a client asked for it: filters and paging, as written. Absent (null or empty) filters match every
 * entry. {@code from} (inclusive) and {@code to} (exclusive) are ISO-8601 date-times with an offset, e.g.
 * {@code 2026-01-31T00:00:00Z}.
 */
public record AuditQuery(String action, String targetId, String actorId, String from, String to, String limit,
        String offset) {

    /** The filters, checked. */
    public record Filter(String action, String targetId, String actorId, Instant from, Instant to) {
    }

    /** The paging asked for; a bad value is a 400 naming its parameter. */
    PageRequest page() {
        return PageRequest.of(limit, offset);
    }

    /** The filters asked for; every bad value is reported in one 400, each naming its parameter. */
    Filter filter() {
        List<Violation> violations = new ArrayList<>();
        String actionName = blank(action) ? null : action.trim();
        if (actionName != null && AuditAction.named(actionName).isEmpty()) {
            violations.add(new Violation("action", "action must be one of " + String.join(", ",
                    Arrays.stream(AuditAction.values()).map(AuditAction::wireName).toList()) + "."));
        }
        Instant fromTime = time(from, "from", violations);
        Instant toTime = time(to, "to", violations);
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            violations.add(new Violation("to", "to must be later than from."));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput("Invalid audit trail filters.", violations);
        }
        return new Filter(actionName, blank(targetId) ? null : targetId, blank(actorId) ? null : actorId, fromTime,
                toTime);
    }

    private static Instant time(String value, String name, List<Violation> violations) {
        if (blank(value)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new Violation(name, name + " must be an ISO-8601 date-time with an offset, e.g. "
                    + "2026-01-31T00:00:00Z."));
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
