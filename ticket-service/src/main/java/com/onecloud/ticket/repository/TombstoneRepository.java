package com.onecloud.ticket.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The tombstones of deleted organizations and users, and the locks that order the issue of a ticket against a deletion.
 * An issue shares its organization's lock (and, for a USER ticket, its user's) from before it reads the tombstones
 * until it commits; a deletion holds the deleted one's lock alone from before it writes the tombstone until it commits.
 * So either the issue commits before the deletion looks for the tickets to revoke, and they include it, or the issue
 * reads the tombstone and refuses. Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class TombstoneRepository {

    /** What a tombstone says no longer exists. */
    public enum Deleted {
        ORGANIZATION, USER
    }

    private static final String DELETED_ORGANIZATION =
            "SELECT 'ORGANIZATION' FROM deleted_organization WHERE organization_id = ?1";
    private static final String DELETED_ORGANIZATION_OR_USER = DELETED_ORGANIZATION
            + " UNION ALL SELECT 'USER' FROM deleted_user WHERE organization_id = ?1 AND user_id = ?2";

    /**
     * Shares the locks of the organization and, if {@code userId} is not null, of the user, so that their deletion
     * waits until the caller's transaction ends. Call it before {@link #deleted}.
     */
    public Uni<Void> lockForIssue(String organizationId, String userId) {
        return userId == null ? AdvisoryLocks.shared(AdvisoryLocks.organization(organizationId))
                : AdvisoryLocks.shared(AdvisoryLocks.organization(organizationId),
                        AdvisoryLocks.user(organizationId, userId));
    }

    /** The organization's tombstone if it has one, else the user's if {@code userId} is not null; null if none. */
    public Uni<Deleted> deleted(String organizationId, String userId) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(userId == null ? DELETED_ORGANIZATION : DELETED_ORGANIZATION_OR_USER,
                    String.class).setParameter(1, organizationId);
            if (userId != null) {
                query.setParameter(2, userId);
            }
            return query.getResultList();
        }).map(TombstoneRepository::first);
    }

    /**
     * Holds the user's lock alone until the caller's transaction ends (waiting for the issues that share it) and writes
     * the user's tombstone, unless there is one.
     */
    public Uni<Void> buryUser(String organizationId, String userId, Instant deletedAt) {
        return AdvisoryLocks.exclusive(AdvisoryLocks.user(organizationId, userId))
                .chain(() -> execute("INSERT INTO deleted_user (organization_id, user_id, deleted_at) "
                        + "VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING", organizationId, userId, deletedAt));
    }

    /** {@link #buryUser} for an organization: its lock, its tombstone. */
    public Uni<Void> buryOrganization(String organizationId, Instant deletedAt) {
        return AdvisoryLocks.exclusive(AdvisoryLocks.organization(organizationId))
                .chain(() -> execute("INSERT INTO deleted_organization (organization_id, deleted_at) "
                        + "VALUES (?1, ?2) ON CONFLICT DO NOTHING", organizationId, deletedAt));
    }

    private static Uni<Void> execute(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    /** The organization's tombstone wins over its user's. */
    private static Deleted first(List<String> found) {
        if (found.contains(Deleted.ORGANIZATION.name())) {
            return Deleted.ORGANIZATION;
        }
        return found.isEmpty() ? null : Deleted.USER;
    }
}
