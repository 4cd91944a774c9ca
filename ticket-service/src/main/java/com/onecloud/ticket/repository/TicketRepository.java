package com.onecloud.ticket.repository;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/**
 * Every query and lock on tickets and their credentials but the lists ({@link TicketPages}). Each method runs in the
 * caller's session; those that lock rows ({@code FOR UPDATE}) in the caller's transaction, which holds the locks until
 * it ends.
 */
@ApplicationScoped
public class TicketRepository {

    /** Stores a new ticket with its first credential. */
    public Uni<Void> insert(TicketEntity ticket, CredentialEntity credential) {
        return ticket.persist().chain(() -> credential.persist()).replaceWithVoid();
    }

    /** The scope's ticket with this id; null if the scope has none. */
    public Uni<TicketEntity> find(TicketScope scope, String id) {
        return inScope(scope, id, false);
    }

    /** {@link #find}, the row locked until the caller's transaction ends. */
    public Uni<TicketEntity> findForUpdate(TicketScope scope, String id) {
        return inScope(scope, id, true);
    }

    /** Any ticket by id, whatever its scope; null if there is none. */
    public Uni<TicketEntity> findById(String id) {
        return TicketEntity.findById(id);
    }

    /** The user's tickets that are not revoked yet (expired ones included), locked. */
    public Uni<List<TicketEntity>> lockUnrevokedOfUser(String organizationId, String userId) {
        return TicketEntity.<TicketEntity>find("organizationId = ?1 and userId = ?2 and revokedAt is null",
                Sort.by("id"), organizationId, userId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The organization's tickets that are not revoked yet (expired ones included), locked. */
    public Uni<List<TicketEntity>> lockUnrevokedOfOrganization(String organizationId) {
        return TicketEntity.<TicketEntity>find("organizationId = ?1 and revokedAt is null", Sort.by("id"),
                organizationId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /**
     * Waits until no other transaction works on the bootstrap ticket, and keeps them waiting until the caller's
     * transaction ends: replicas starting at the same time replace it once.
     */
    public Uni<Void> lockBootstrap() {
        return AdvisoryLocks.exclusive(AdvisoryLocks.bootstrap());
    }

    /** The bootstrap tickets not revoked yet, locked. */
    public Uni<List<TicketEntity>> lockUnrevokedBootstrap() {
        return TicketEntity.<TicketEntity>find("bootstrap = true and revokedAt is null", Sort.by("id"))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** A credential by its id (the one inside its token); null if there is none. */
    public Uni<CredentialEntity> credential(String credentialId) {
        return CredentialEntity.findById(credentialId);
    }

    /** Stores a further credential of an existing ticket. */
    public Uni<Void> addCredential(CredentialEntity credential) {
        return credential.persist().replaceWithVoid();
    }

    /**
     * Ends the ticket's current credentials at {@code graceEnd}: those without an end yet, and those whose end (a
     * previous rotation's grace) is later.
     */
    public Uni<Integer> endCurrentCredentials(String ticketId, Instant graceEnd) {
        return CredentialEntity.update("notAfter = ?1 where ticketId = ?2 and retiredAt is null "
                + "and (notAfter is null or notAfter > ?1)", graceEnd, ticketId);
    }

    /**
     * Up to {@code limit} credentials whose grace has ended by {@code now} and that are not retired yet, soonest first,
     * locked: replicas that look at the same time do not both take one.
     */
    public Uni<List<CredentialEntity>> lockEndedGraces(Instant now, int limit) {
        return CredentialEntity.<CredentialEntity>find("notAfter <= ?1 and retiredAt is null order by notAfter", now)
                .withLock(LockModeType.PESSIMISTIC_WRITE).range(0, limit - 1).list();
    }

    /**
     * Up to {@code limit} tickets that expired by {@code now}, unrevoked and not announced yet, soonest first, locked
     * (replicas skip each other's) for the caller's transaction.
     */
    public Uni<List<TicketEntity>> lockDueExpiries(Instant now, int limit) {
        return TicketEntity.<TicketEntity>find("expiryAnnounced = false and revokedAt is null and expiresAt <= ?1 "
                + "order by expiresAt", now).withLock(LockModeType.PESSIMISTIC_WRITE).range(0, limit - 1).list();
    }

    private static Uni<TicketEntity> inScope(TicketScope scope, String id, boolean forUpdate) {
        Map<String, Object> params = new HashMap<>();
        String query = where(scope, params) + " and id = :id";
        params.put("id", id);
        var found = TicketEntity.<TicketEntity>find(query, params);
        if (forUpdate) {
            found = found.withLock(LockModeType.PESSIMISTIC_WRITE);
        }
        return found.firstResult();
    }

    /** HQL conditions of the scope, adding their parameters to {@code params}. */
    private static String where(TicketScope scope, Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        if (scope.organizationId() == null) {
            where.append("organizationId is null");
        } else {
            where.append("organizationId = :organizationId");
            params.put("organizationId", scope.organizationId());
        }
        if (scope.userId() != null) {
            where.append(" and userId = :scopeUserId");
            params.put("scopeUserId", scope.userId());
        }
        if (scope.kind() != null) {
            where.append(" and kind = :scopeKind");
            params.put("scopeKind", scope.kind().name());
        }
        return where.toString();
    }
}
