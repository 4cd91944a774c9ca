package com.onecloud.ticket.repository;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.onecloud.events.UsageReported.TicketUsage;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Each ticket's usage per UTC day and its last use, added up from the usage reports. Runs in the caller's transaction. */
@ApplicationScoped
public class UsageRepository {

    /** One ticket's counts on one day. */
    public record DayUsage(LocalDate date, long allowed, long forbidden, long invalid) {
    }

    private static final String ADD = "INSERT INTO ticket_usage (ticket_id, day, allowed, forbidden, invalid)"
            + " SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS (SELECT 1 FROM ticket WHERE id = ?1)"
            + " ON CONFLICT (ticket_id, day) DO UPDATE SET allowed = ticket_usage.allowed + EXCLUDED.allowed,"
            + " forbidden = ticket_usage.forbidden + EXCLUDED.forbidden,"
            + " invalid = ticket_usage.invalid + EXCLUDED.invalid";
    private static final String LAST_USED = "UPDATE ticket SET last_used_at = ?2"
            + " WHERE id = ?1 AND (last_used_at IS NULL OR last_used_at < ?2)";
    private static final String DAYS = "SELECT day, allowed, forbidden, invalid FROM ticket_usage"
            + " WHERE ticket_id = ?1 AND day BETWEEN ?2 AND ?3 ORDER BY day";

    /** Adds a report's counts for one ticket and day; a ticket this service does not know is skipped. */
    public Uni<Void> add(TicketUsage usage) {
        return Panache.getSession().chain(session -> session.createNativeQuery(ADD)
                .setParameter(1, usage.ticketId())
                .setParameter(2, usage.date())
                .setParameter(3, usage.allowed())
                .setParameter(4, usage.forbidden())
                .setParameter(5, usage.invalid())
                .executeUpdate()
                .chain(added -> usage.lastUsedAt() == null ? Uni.createFrom().item(0)
                        : session.createNativeQuery(LAST_USED).setParameter(1, usage.ticketId())
                                .setParameter(2, usage.lastUsedAt()).executeUpdate()))
                .replaceWithVoid();
    }

    /** The ticket's days with any request from {@code from} to {@code to}, both included, oldest first. */
    public Uni<List<DayUsage>> days(String ticketId, LocalDate from, LocalDate to) {
        return Panache.getSession().chain(session -> session.createNativeQuery(DAYS, Object[].class)
                .setParameter(1, ticketId).setParameter(2, from).setParameter(3, to)
                .getResultList())
                .map(rows -> rows.stream().map(UsageRepository::dayUsage).toList());
    }

    private static DayUsage dayUsage(Object[] row) {
        LocalDate date = row[0] instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) row[0];
        return new DayUsage(date, ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                ((Number) row[3]).longValue());
    }
}
