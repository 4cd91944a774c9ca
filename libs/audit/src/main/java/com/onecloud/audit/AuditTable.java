package com.onecloud.audit;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.onecloud.events.AuditRecorded;

/**
 * The table {@code audit_entry} as the migrations make it in both databases ({@code db/ticket} and
 * {@code db/resource}, V6): append-only for the services' roles, so the only statement here is the one that appends.
 * Retention removes old rows through the owner's function {@code audit_entry_expire} ({@link AuditRetention}).
 * {@code changes} is stored as the comma-separated field names.
 */
public final class AuditTable {

    /** Every column, in the order of {@link #values}. */
    public static final List<String> COLUMNS = List.of("id", "recorded_at", "action", "organization_id", "actor_kind",
            "actor_id", "actor_organization_id", "target_type", "target_id", "source_address", "changes", "reason");
    /** Every column the services use; PostgreSQL resolves them all before it returns no rows. */
    public static final String PROBE = "SELECT " + String.join(", ", COLUMNS) + " FROM audit_entry LIMIT 0";

    private AuditTable() {
    }

    /**
     * The statement that appends one entry, with the values of {@link #values} written with the caller's parameter
     * marker ({@code $1} for the reactive SQL client, {@code ?1} for Hibernate). An entry already there (the same id,
     * delivered again) is left as it is.
     */
    public static String insert(IntFunction<String> parameterMarker) {
        return "INSERT INTO audit_entry (" + String.join(", ", COLUMNS) + ") VALUES ("
                + IntStream.rangeClosed(1, COLUMNS.size()).mapToObj(parameterMarker).collect(Collectors.joining(", "))
                + ") ON CONFLICT (id) DO NOTHING";
    }

    /** The values of {@link #COLUMNS} for {@code entry}. */
    public static List<Object> values(AuditRecorded entry) {
        AuditRecorded.Actor actor = entry.actor();
        return Arrays.asList(entry.id(), entry.time().atOffset(ZoneOffset.UTC), entry.action(), entry.organizationId(),
                actor.kind(), actor.id(), actor.organizationId(), entry.target().type(), entry.target().id(),
                entry.sourceAddress(), joined(entry.changes()), entry.reason());
    }

    /** The stored form of {@code changes}. */
    public static String joined(List<String> changes) {
        return String.join(",", changes);
    }

    /** {@code changes} from its stored form. */
    public static List<String> split(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split(","));
    }
}
