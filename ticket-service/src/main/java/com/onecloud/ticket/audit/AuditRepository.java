package com.onecloud.ticket.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** The audit trail's queries. */
@ApplicationScoped
public class AuditRepository {

    /** One page of a trail, newest first; the total counts every entry that passes the filter. */
    public record PageResult(List<AuditEntryEntity> items, long total, int limit, int offset) {
    }

    /**
     * The entries of {@code organizationId} (every entry, the platform's own included, when null) that pass the filter,
     * newest first.
     */
    public Uni<PageResult> page(String organizationId, AuditQuery.Filter filter, int limit, int offset) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder("1 = 1");
        if (organizationId != null) {
            where.append(" and organizationId = :organizationId");
            params.put("organizationId", organizationId);
        }
        if (filter.action() != null) {
            where.append(" and action = :action");
            params.put("action", filter.action());
        }
        if (filter.targetId() != null) {
            where.append(" and targetId = :targetId");
            params.put("targetId", filter.targetId());
        }
        if (filter.actorId() != null) {
            where.append(" and actorId = :actorId");
            params.put("actorId", filter.actorId());
        }
        if (filter.from() != null) {
            where.append(" and recordedAt >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and recordedAt < :to");
            params.put("to", filter.to());
        }
        String query = where.toString();
        return AuditEntryEntity.<AuditEntryEntity>find(query, Sort.descending("recordedAt", "id"), params)
                .range(offset, offset + limit - 1).list()
                .chain(items -> AuditEntryEntity.count(query, params)
                        .map(total -> new PageResult(items, total, limit, offset)));
    }
}
