package com.onecloud.ticket.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The ticket lists, read with the reactive SQL client rather than through Hibernate: a list is this service's most
 * frequent read, and as one plain statement it skips the session, the query translation and the managed entities that
 * a read needs none of (docs/benchmarks.md, "The list and search paths"). The rows become detached entities, never
 * flushed. A statement's text depends only on which filters are set, so each of its few variants is prepared once per
 * connection.
 */
@ApplicationScoped
public class TicketPages {

    private static final String COLUMNS = "id, organization_id, user_id, kind, name, apis, created_at, expires_at, "
            + "revoked_at, last_used_at, revoke_reason, expiry_announced, bootstrap";

    private final Pool pool;

    TicketPages(Pool pool) {
        this.pool = pool;
    }

    /**
     * A page of the scope's tickets that pass the filter, oldest first; the total counts them all. Page and total
     * come in one statement (the total a subquery of the page's query, in its snapshot); only a page past the last
     * ticket, which has no row to carry the total, costs a second one.
     */
    public Uni<TicketPageResult> page(TicketScope scope, TicketFilter filter, int limit, int offset, Instant now) {
        Conditions where = Conditions.of(scope, filter, now);
        int limitParameter = where.values().size() + 1;
        String sql = "SELECT " + COLUMNS + ", " + where.total() + " AS total "
                + "FROM ticket WHERE " + where.sql() + " ORDER BY created_at, id LIMIT $" + limitParameter
                + " OFFSET $" + (limitParameter + 1);
        Tuple values = Tuple.tuple(new ArrayList<>(where.values())).addInteger(limit).addInteger(offset);
        return pool.preparedQuery(sql).execute(values).chain(rows -> {
            List<TicketEntity> items = new ArrayList<>(rows.size());
            long total = 0;
            for (Row row : rows) {
                items.add(ticket(row));
                total = row.getLong("total");
            }
            if (!items.isEmpty() || offset == 0) {
                return Uni.createFrom().item(new TicketPageResult(items, total, limit, offset));
            }
            return pool.preparedQuery("SELECT " + where.total())
                    .execute(Tuple.tuple(where.values()))
                    .map(counted -> new TicketPageResult(items, counted.iterator().next().getLong(0), limit, offset));
        });
    }

    private static TicketEntity ticket(Row row) {
        TicketEntity ticket = new TicketEntity();
        ticket.id = row.getString("id");
        ticket.organizationId = row.getString("organization_id");
        ticket.userId = row.getString("user_id");
        ticket.kind = row.getString("kind");
        ticket.name = row.getString("name");
        ticket.apis = row.getString("apis");
        ticket.createdAt = instant(row, "created_at");
        ticket.expiresAt = instant(row, "expires_at");
        ticket.revokedAt = instant(row, "revoked_at");
        ticket.lastUsedAt = instant(row, "last_used_at");
        ticket.revokeReason = row.getString("revoke_reason");
        ticket.expiryAnnounced = row.getBoolean("expiry_announced");
        ticket.bootstrap = row.getBoolean("bootstrap");
        return ticket;
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    /** The SQL conditions of a scope and a filter, numbered {@code $1…} in the order of their values. */
    record Conditions(String sql, List<Object> values, boolean wholeOrganization) {

        static Conditions of(TicketScope scope, TicketFilter filter, Instant now) {
            List<String> terms = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            if (scope.organizationId() == null) {
                terms.add("organization_id IS NULL");
            } else {
                terms.add(equal("organization_id", scope.organizationId(), values));
            }
            if (scope.userId() != null) {
                terms.add(equal("user_id", scope.userId(), values));
            }
            if (scope.kind() != null) {
                terms.add(equal("kind", scope.kind().name(), values));
            }
            if (filter.kind() != null) {
                terms.add(equal("kind", filter.kind().name(), values));
            }
            if (filter.userId() != null) {
                terms.add(equal("user_id", filter.userId(), values));
            }
            if (filter.status() != null) {
                terms.add(switch (filter.status()) {
                    case ACTIVE -> "revoked_at IS NULL AND expires_at > " + parameter(
                            now.atOffset(ZoneOffset.UTC), values);
                    case EXPIRED -> "revoked_at IS NULL AND expires_at <= " + parameter(
                            now.atOffset(ZoneOffset.UTC), values);
                    case REVOKED -> "revoked_at IS NOT NULL";
                });
            }
            boolean wholeOrganization = scope.organizationId() != null && terms.size() == 1;
            return new Conditions(String.join(" AND ", terms), List.copyOf(values), wholeOrganization);
        }

        /**
         * The number of tickets that pass, as a subquery: an organization's whole list reads it from the counter rows
         * the schema keeps (migration ticket V9), anything narrower counts.
         */
        String total() {
            return wholeOrganization
                    ? "(SELECT coalesce(sum(tickets), 0) FROM ticket_count WHERE organization_id = $1)"
                    : "(SELECT count(*) FROM ticket WHERE " + sql + ")";
        }

        private static String equal(String column, Object value, List<Object> values) {
            return column + " = " + parameter(value, values);
        }

        private static String parameter(Object value, List<Object> values) {
            values.add(value);
            return "$" + values.size();
        }
    }
}
