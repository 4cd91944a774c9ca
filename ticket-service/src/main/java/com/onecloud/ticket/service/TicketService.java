package com.onecloud.ticket.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.onecloud.access.PrincipalKind;
import com.onecloud.audit.Origin;
import com.onecloud.access.credential.CredentialHash;
import com.onecloud.access.credential.TokenFormat;
import com.onecloud.authclient.Caller;
import com.onecloud.http.paging.PageRequest;
import com.onecloud.http.problem.Conflict;
import com.onecloud.http.problem.InvalidInput;
import com.onecloud.http.problem.NotFound;
import com.onecloud.ticket.audit.AuditTrail;
import com.onecloud.ticket.config.TicketServiceConfig;
import com.onecloud.ticket.event.RevokeReason;
import com.onecloud.ticket.event.TicketEvents;
import com.onecloud.ticket.outbox.PanacheOutbox;
import com.onecloud.ticket.repository.CredentialEntity;
import com.onecloud.ticket.repository.TicketEntity;
import com.onecloud.ticket.repository.TicketFilter;
import com.onecloud.ticket.repository.TicketPageResult;
import com.onecloud.ticket.repository.TicketPages;
import com.onecloud.ticket.repository.TicketRepository;
import com.onecloud.ticket.repository.TicketScope;
import com.onecloud.ticket.repository.TicketStatus;
import com.onecloud.ticket.repository.TombstoneRepository;
import com.onecloud.ticket.repository.UsageRepository;
import com.onecloud.ticket.repository.UsageRepository.DayUsage;
import com.onecloud.ticket.support.Times;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Issuing, reading, rotating and revoking tickets: each request's rules (its {@link TicketOwner}'s, then the validity and
 * the grace) and its transaction. Every change commits together with the event that announces it (outbox). Tokens and
 * secrets exist in clear only in the {@link IssuedTicket} returned to the creator; the database holds their SHA-256.
 * Deletion is final: a deleted organization or user gets no ticket again, not even one issued while its deletion is
 * handled (see {@link TombstoneRepository} for how the two are ordered).
 */
@ApplicationScoped
public class TicketService {

    private static final Logger LOG = Logger.getLogger(TicketService.class);
    private static final int MAX_GRACE_SECONDS = 86_400;

    private final TicketRepository repository;
    private final TicketPages pages;
    private final TombstoneRepository tombstones;
    private final UsageRepository usage;
    private final PanacheOutbox outbox;
    private final TicketEvents events;
    private final AuditTrail audit;
    private final TicketServiceConfig.Tickets config;
    private final Validity validity;

    TicketService(TicketRepository repository, TicketPages pages, TombstoneRepository tombstones,
            UsageRepository usage, PanacheOutbox outbox, TicketEvents events, AuditTrail audit,
            TicketServiceConfig config) {
        this.repository = repository;
        this.pages = pages;
        this.tombstones = tombstones;
        this.usage = usage;
        this.outbox = outbox;
        this.events = events;
        this.audit = audit;
        this.config = config.tickets();
        this.validity = new Validity(this.config.maxValidity());
    }

    /**
     * Issues what {@code draft} asks for, if {@code caller} may issue it for {@code owner} and its organization and
     * user have not been deleted (a deleted one reads as one that does not exist: 404).
     */
    public Uni<IssuedTicket> issue(Caller caller, TicketOwner owner, TicketDraft draft) {
        NewTicket request = owner.order(caller, draft);
        Origin origin = Origin.of(caller);
        Instant now = Times.now();
        Instant expiresAt = validity.decide(request.expiresAt(), request.sourceEnd(), now);
        return outbox.inTransaction(() -> requireNotDeleted(request).chain(() -> insert(request, now, expiresAt,
                TokenFormat.newToken(TokenFormat.newId()),
                request.kind() == PrincipalKind.USER ? null : TokenFormat.newSecret(), false, origin)));
    }

    /**
     * Inserts the bootstrap SUPERUSER ticket with the credential from configuration, in the caller's transaction. Its
     * audit entry's actor is the platform ({@link AuditTrail#SYSTEM}): no request asked for it.
     */
    public Uni<IssuedTicket> insertBootstrap(NewTicket request, Instant now, Instant expiresAt, String token,
            String secret) {
        return insert(request, now, expiresAt, token, secret, true, AuditTrail.SYSTEM);
    }

    /**
     * Refuses a ticket of a deleted organization or user. The locks taken first are held until the transaction ends,
     * so a deletion handled meanwhile waits for this ticket and revokes it with the others.
     */
    private Uni<Void> requireNotDeleted(NewTicket request) {
        if (request.organizationId() == null) {
            return Uni.createFrom().voidItem(); // the platform's SUPERUSER tickets belong to no organization
        }
        return tombstones.lockForIssue(request.organizationId(), request.userId())
                .chain(() -> tombstones.deleted(request.organizationId(), request.userId()))
                .invoke(deleted -> {
                    if (deleted == TombstoneRepository.Deleted.ORGANIZATION) {
                        throw new NotFound("Organization not found.");
                    }
                    if (deleted == TombstoneRepository.Deleted.USER) {
                        throw new NotFound("User not found.");
                    }
                }).replaceWithVoid();
    }

    private Uni<IssuedTicket> insert(NewTicket request, Instant now, Instant expiresAt, String token, String secret,
            boolean bootstrap, Origin origin) {
        TicketEntity ticket = new TicketEntity();
        ticket.id = TokenFormat.newId();
        ticket.organizationId = request.organizationId();
        ticket.userId = request.userId();
        ticket.kind = request.kind().name();
        ticket.name = request.name();
        ticket.grant(request.apis());
        ticket.createdAt = now;
        ticket.expiresAt = expiresAt;
        ticket.bootstrap = bootstrap;
        CredentialEntity credential = newCredential(ticket.id, token, secret, now);
        return repository.insert(ticket, credential)
                .chain(() -> events.created(ticket))
                .chain(() -> audit.created(ticket, origin))
                .invoke(() -> LOG.infof("Issued %s ticket %s (credential %s)", ticket.kind, ticket.id, credential.id))
                .replaceWith(() -> new IssuedTicket(ticket, token, secret));
    }

    public Uni<TicketPageResult> list(Caller caller, TicketOwner owner, TicketQuery query) {
        TicketScope scope = owner.scope(caller);
        PageRequest page = query.page();
        TicketFilter filter = query.filter();
        return pages.page(scope, filter, page.limit(), page.offset(), Times.now());
    }

    public Uni<TicketEntity> get(Caller caller, TicketOwner owner, String id) {
        TicketScope scope = owner.scope(caller);
        return Panache.withSession(() -> found(repository.find(scope, id)));
    }

    /** The ticket's usage per day in the period, once the caller may see the ticket. */
    public Uni<List<DayUsage>> usage(Caller caller, TicketOwner owner, String id, UsagePeriod period) {
        TicketScope scope = owner.scope(caller);
        return Panache.withSession(() -> found(repository.find(scope, id))
                .chain(ticket -> usage.days(ticket.id, period.from(), period.to())));
    }

    /** Revokes the ticket; revoking a revoked ticket changes nothing and publishes nothing. */
    public Uni<Void> revoke(Caller caller, TicketOwner owner, String id) {
        TicketScope scope = owner.scope(caller);
        Origin origin = Origin.of(caller);
        return outbox.inTransaction(() -> found(repository.findForUpdate(scope, id))
                .chain(ticket -> revoke(ticket, RevokeReason.REVOKED, Times.now(), origin)));
    }

    /**
     * The user was deleted: in the caller's transaction, writes the user's tombstone, once every ticket issue for the
     * user that started before has committed, then revokes every ticket of the user not revoked yet (those included);
     * returns how many.
     */
    public Uni<Integer> userDeleted(String organizationId, String userId, Instant now) {
        return tombstones.buryUser(organizationId, userId, now)
                .chain(() -> repository.lockUnrevokedOfUser(organizationId, userId))
                .chain(list -> revokeAll(list, RevokeReason.USER_DELETED, now, AuditTrail.SYSTEM));
    }

    /** {@link #userDeleted} for a whole organization: its tombstone, then every ticket of it. */
    public Uni<Integer> organizationDeleted(String organizationId, Instant now) {
        return tombstones.buryOrganization(organizationId, now)
                .chain(() -> repository.lockUnrevokedOfOrganization(organizationId))
                .chain(list -> revokeAll(list, RevokeReason.ORGANIZATION_DELETED, now, AuditTrail.SYSTEM));
    }


    /**
     * Issues a new credential for the ticket; the current one keeps working for {@code graceSeconds} (or less, if a
     * previous rotation's grace ends sooner).
     */
    public Uni<IssuedTicket> rotate(Caller caller, TicketOwner owner, String id, Integer graceSeconds) {
        TicketScope scope = owner.scope(caller);
        Origin origin = Origin.of(caller);
        int grace = graceSeconds == null ? config.defaultGraceSeconds() : graceSeconds;
        if (grace < 0 || grace > MAX_GRACE_SECONDS) {
            throw InvalidInput.of("graceSeconds", "graceSeconds must be between 0 and " + MAX_GRACE_SECONDS + ".");
        }
        return outbox.inTransaction(() -> found(repository.findForUpdate(scope, id)).chain(ticket -> {
            Instant now = Times.now();
            TicketStatus status = ticket.status(now);
            if (status != TicketStatus.ACTIVE) {
                throw new Conflict("The ticket is " + status + "; only an active ticket can be rotated.");
            }
            Instant graceEnd = now.plusSeconds(grace);
            String token = TokenFormat.newToken(TokenFormat.newId());
            String secret = PrincipalKind.valueOf(ticket.kind) == PrincipalKind.USER ? null : TokenFormat.newSecret();
            CredentialEntity credential = newCredential(ticket.id, token, secret, now);
            return repository.endCurrentCredentials(ticket.id, graceEnd)
                    .chain(() -> repository.addCredential(credential))
                    .chain(() -> events.rotated(ticket, credential.id, now, graceEnd))
                    .chain(() -> audit.rotated(ticket, origin))
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
            return repository.lockEndedGraces(now, batchSize).chain(credentials -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (CredentialEntity credential : credentials) {
                    chain = chain.chain(() -> retire(credential, now));
                }
                return chain.replaceWith(credentials.size());
            });
        });
    }

    /**
     * Announces the tickets that have expired since the last look, each once, for subscribers; rows are locked, so
     * that replicas running this at the same time do not announce twice. Returns how many.
     */
    public Uni<Integer> announceExpiries(int batchSize) {
        return outbox.inTransaction(() -> {
            Instant now = Times.now();
            return repository.lockDueExpiries(now, batchSize).chain(due -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (TicketEntity ticket : due) {
                    ticket.expiryAnnounced = true;
                    chain = chain.chain(() -> events.expired(ticket));
                }
                return chain.replaceWith(due.size());
            });
        });
    }

    /**
     * Revokes a ticket locked in the caller's transaction, unless it is already revoked (then nothing changes and
     * nothing is recorded).
     */
    private Uni<Void> revoke(TicketEntity ticket, RevokeReason reason, Instant now, Origin origin) {
        if (ticket.revokedAt != null) {
            return Uni.createFrom().voidItem();
        }
        ticket.revokedAt = now;
        ticket.revokeReason = reason.name();
        LOG.infof("Revoked ticket %s (%s)", ticket.id, reason);
        return events.revoked(ticket, null, now, reason).chain(() -> audit.revoked(ticket, origin, reason));
    }

    /**
     * Revokes tickets locked in the caller's transaction, each unless it is already revoked, each with its audit entry
     * made by {@code origin}; returns how many.
     */
    public Uni<Integer> revokeAll(List<TicketEntity> tickets, RevokeReason reason, Instant now, Origin origin) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (TicketEntity ticket : tickets) {
            chain = chain.chain(() -> revoke(ticket, reason, now, origin));
        }
        return chain.replaceWith(tickets.size());
    }

    private Uni<Void> retire(CredentialEntity credential, Instant now) {
        credential.retiredAt = now;
        return repository.findById(credential.ticketId).chain(ticket -> {
            if (ticket == null || ticket.revokedAt != null) {
                return Uni.createFrom().voidItem(); // the whole ticket is already revoked and announced
            }
            LOG.infof("Rotation grace of credential %s of ticket %s ended", credential.id, ticket.id);
            return events.revoked(ticket, credential.id, credential.notAfter, RevokeReason.ROTATION_GRACE_ENDED)
                    .chain(() -> audit.graceEnded(ticket));
        });
    }

    private static Uni<TicketEntity> found(Uni<TicketEntity> ticket) {
        return ticket.onItem().ifNull().failWith(() -> new NotFound("Ticket not found."));
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
}
