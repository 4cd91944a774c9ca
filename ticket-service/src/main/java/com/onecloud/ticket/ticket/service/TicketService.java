package com.onecloud.ticket.ticket.service;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import com.onecloud.access.Api;
import com.onecloud.access.PrincipalKind;
import com.onecloud.access.credential.CredentialHash;
import com.onecloud.access.credential.TokenFormat;
import com.onecloud.http.problem.Conflict;
import com.onecloud.http.problem.InvalidInput;
import com.onecloud.http.problem.NotFound;
import com.onecloud.ticket.config.TicketServiceConfig;
import com.onecloud.ticket.outbox.PanacheOutbox;
import com.onecloud.ticket.ticket.event.TicketEvents;
import com.onecloud.ticket.ticket.repository.CredentialEntity;
import com.onecloud.ticket.ticket.repository.TicketEntity;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/**
 * Issuing, reading, rotating and revoking tickets. Every change commits together with the event that announces it
 * (outbox). Tokens and secrets exist in clear only in the {@link IssuedTicket} returned to the creator; the database
 * holds their SHA-256.
 */
@ApplicationScoped
public class TicketService {

    private static final Logger LOG = Logger.getLogger(TicketService.class);
    private static final int MAX_GRACE_SECONDS = 86_400;

    private final PanacheOutbox outbox;
    private final TicketEvents events;
    private final TicketServiceConfig.Tickets config;

    TicketService(PanacheOutbox outbox, TicketEvents events, TicketServiceConfig config) {
        this.outbox = outbox;
        this.events = events;
        this.config = config.tickets();
    }

    public Uni<IssuedTicket> create(NewTicket request) {
        Instant now = Times.now();
        Instant expiresAt = validExpiry(request.expiresAt(), now);
        return outbox.inTransaction(() -> insert(request, now, expiresAt, TokenFormat.newId(), TokenFormat.newToken(
                TokenFormat.newId()), request.kind() == PrincipalKind.USER ? null : TokenFormat.newSecret()));
    }

    /**
     * Inserts a ticket with the given credential, in the caller's transaction. Used by {@link #create} and by the
     * bootstrap, whose credential comes from configuration.
     */
    public Uni<IssuedTicket> insert(NewTicket request, Instant now, Instant expiresAt, String ticketId, String token,
            String secret) {
        TicketEntity ticket = new TicketEntity();
        ticket.id = ticketId;
        ticket.organizationId = request.organizationId();
        ticket.userId = request.userId();
        ticket.kind = request.kind().name();
        ticket.name = request.name();
        ticket.apis = joinApis(request.apis());
        ticket.createdAt = now;
        ticket.expiresAt = expiresAt;
        CredentialEntity credential = newCredential(ticket.id, token, secret, now);
        return ticket.persist()
                .chain(() -> credential.persist())
                .chain(() -> events.created(ticket))
                .invoke(() -> LOG.infof("Issued %s ticket %s (credential %s)", ticket.kind, ticket.id, credential.id))
                .replaceWith(() -> new IssuedTicket(ticket, token, secret));
    }

    public Uni<TicketPageResult> list(TicketScope scope, TicketFilter filter, int limit, int offset) {
        Map<String, Object> params = scope.newParams();
        StringBuilder where = new StringBuilder(scope.where(params));
        if (filter.kind() != null) {
            where.append(" and kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.userId() != null) {
            where.append(" and userId = :userId");
            params.put("userId", filter.userId());
        }
        if (filter.status() != null) {
            switch (filter.status()) {
                case ACTIVE -> where.append(" and revokedAt is null and expiresAt > :now");
                case EXPIRED -> where.append(" and revokedAt is null and expiresAt <= :now");
                case REVOKED -> where.append(" and revokedAt is not null");
            }
            if (filter.status() != TicketStatus.REVOKED) {
                params.put("now", Times.now());
            }
        }
        String query = where.toString();
        return Panache.withSession(() -> TicketEntity.<TicketEntity>find(query, Sort.by("createdAt").and("id"), params)
                .range(offset, offset + limit - 1).list()
                .chain(items -> TicketEntity.count(query, params)
                        .map(total -> new TicketPageResult(items, total, limit, offset))));
    }

    public Uni<TicketEntity> get(TicketScope scope, String id) {
        return Panache.withSession(() -> find(scope, id, false));
    }

    /** Revokes the ticket; revoking a revoked ticket changes nothing and publishes nothing. */
    public Uni<Void> revoke(TicketScope scope, String id) {
        return outbox.inTransaction(() -> find(scope, id, true)
                .chain(ticket -> revoke(ticket, RevokeReason.REVOKED, Times.now())));
    }

    /** Revokes a ticket found by the caller (locked, in the caller's transaction), unless it is already revoked. */
    public Uni<Void> revoke(TicketEntity ticket, RevokeReason reason, Instant now) {
        if (ticket.revokedAt != null) {
            return Uni.createFrom().voidItem();
        }
        ticket.revokedAt = now;
        ticket.revokeReason = reason.name();
        LOG.infof("Revoked ticket %s (%s)", ticket.id, reason);
        return events.revoked(ticket, null, now, reason);
    }

    /**
     * Issues a new credential for the ticket; the current one keeps working for {@code graceSeconds} (or less, if a
     * previous rotation's grace ends sooner).
     */
    public Uni<IssuedTicket> rotate(TicketScope scope, String id, Integer graceSeconds) {
        int grace = graceSeconds == null ? config.defaultGraceSeconds() : graceSeconds;
        if (grace < 0 || grace > MAX_GRACE_SECONDS) {
            throw InvalidInput.of("graceSeconds", "graceSeconds must be between 0 and " + MAX_GRACE_SECONDS + ".");
        }
        return outbox.inTransaction(() -> find(scope, id, true).chain(ticket -> {
            Instant now = Times.now();
            TicketStatus status = TicketStatus.of(ticket.revokedAt, ticket.expiresAt, now);
            if (status != TicketStatus.ACTIVE) {
                throw new Conflict("The ticket is " + status + "; only an active ticket can be rotated.");
            }
            Instant graceEnd = now.plusSeconds(grace);
            String token = TokenFormat.newToken(TokenFormat.newId());
            String secret = PrincipalKind.valueOf(ticket.kind) == PrincipalKind.USER ? null : TokenFormat.newSecret();
            CredentialEntity credential = newCredential(ticket.id, token, secret, now);
            return CredentialEntity.update("notAfter = ?1 where ticketId = ?2 and retiredAt is null "
                    + "and (notAfter is null or notAfter > ?1)", graceEnd, ticket.id)
                    .chain(() -> credential.persist())
                    .chain(() -> events.rotated(ticket, credential.id, now, graceEnd))
                    .invoke(() -> LOG.infof("Rotated ticket %s to credential %s, grace %d s", ticket.id,
                            credential.id, grace))
                    .replaceWith(() -> new IssuedTicket(ticket, token, secret));
        }));
    }

    /**
     * Retires the credentials whose rotation grace has ended, each with a revoked event naming it. Rows are locked, so
     * that replicas running this job at the same time do not publish twice. Returns how many were retired.
     */
    public Uni<Integer> retireEndedGraces(int batchSize) {
        return outbox.inTransaction(() -> {
            Instant now = Times.now();
            return CredentialEntity.<CredentialEntity>find("notAfter <= ?1 and retiredAt is null order by notAfter", now)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).range(0, batchSize - 1).list()
                    .chain(credentials -> {
                        Uni<Void> chain = Uni.createFrom().voidItem();
                        for (CredentialEntity credential : credentials) {
                            chain = chain.chain(() -> retire(credential, now));
                        }
                        return chain.replaceWith(credentials.size());
                    });
        });
    }

    private Uni<Void> retire(CredentialEntity credential, Instant now) {
        credential.retiredAt = now;
        return TicketEntity.<TicketEntity>findById(credential.ticketId).chain(ticket -> {
            if (ticket == null || ticket.revokedAt != null) {
                return Uni.createFrom().voidItem(); // the whole ticket is already revoked and announced
            }
            LOG.infof("Rotation grace of credential %s of ticket %s ended", credential.id, ticket.id);
            return events.revoked(ticket, credential.id, credential.notAfter, RevokeReason.ROTATION_GRACE_ENDED);
        });
    }

    private Uni<TicketEntity> find(TicketScope scope, String id, boolean forUpdate) {
        Map<String, Object> params = scope.newParams();
        String query = scope.where(params) + " and id = :id";
        params.put("id", id);
        var found = TicketEntity.<TicketEntity>find(query, params);
        if (forUpdate) {
            found = found.withLock(LockModeType.PESSIMISTIC_WRITE);
        }
        return found.firstResult().onItem().ifNull().failWith(() -> new NotFound("Ticket not found."));
    }

    private Instant validExpiry(Instant requested, Instant now) {
        Instant latest = now.plus(config.maxValidity());
        if (requested == null) {
            return latest;
        }
        if (!requested.isAfter(now)) {
            throw InvalidInput.of("expiresAt", "expiresAt must be in the future.");
        }
        if (requested.isAfter(latest)) {
            throw InvalidInput.of("expiresAt",
                    "expiresAt must be at most " + config.maxValidity().toDays() + " days from now.");
        }
        return requested;
    }

    private static CredentialEntity newCredential(String ticketId, String token, String secret, Instant now) {
        CredentialEntity credential = new CredentialEntity();
        credential.id = TokenFormat.credentialId(token)
                .orElseThrow(() -> new IllegalArgumentException("not a OneCloud token"));
        credential.ticketId = ticketId;
        credential.tokenHash = CredentialHash.sha256(token);
        credential.secretHash = secret == null ? null : CredentialHash.sha256(secret);
        credential.createdAt = now;
        return credential;
    }

    static String joinApis(java.util.Set<Api> apis) {
        return EnumSet.copyOf(apis).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    public static List<Api> apisOf(TicketEntity ticket) {
        return java.util.Arrays.stream(ticket.apis.split(",")).filter(s -> !s.isEmpty()).map(Api::valueOf).toList();
    }

    /** For callers that compute an expiry themselves (the bootstrap). */
    public Duration maxValidity() {
        return config.maxValidity();
    }
}
