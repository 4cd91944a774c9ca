package com.onecloud.ticket.bootstrap;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.onecloud.access.Api;
import com.onecloud.access.PrincipalKind;
import com.onecloud.access.credential.CredentialHash;
import com.onecloud.access.credential.TokenFormat;
import com.onecloud.ticket.audit.AuditTrail;
import com.onecloud.ticket.config.TicketServiceConfig;
import com.onecloud.ticket.event.RevokeReason;
import com.onecloud.ticket.outbox.PanacheOutbox;
import com.onecloud.ticket.repository.TicketEntity;
import com.onecloud.ticket.repository.TicketRepository;
import com.onecloud.ticket.service.NewTicket;
import com.onecloud.ticket.service.TicketService;
import com.onecloud.ticket.support.BlockingAwait;
import com.onecloud.ticket.support.Times;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Makes the configured credential the one bootstrap SUPERUSER ticket, so that a fresh installation can be administered
 * (contract §2), and so that changing the configuration (e.g. the Kubernetes Secret) retires the previous one: every
 * other bootstrap ticket is revoked, each with its revoked event. Idempotent, keyed by the credential id inside the
 * configured token: a restart, or a second replica, finds it and changes nothing; replicas starting together take
 * turns (an advisory lock). A revoked bootstrap credential stays revoked, even if configured again. Only hashes are
 * stored; the token and secret are never logged.
 */
@ApplicationScoped
public class BootstrapSuperuser {

    static final String NAME = "bootstrap";
    private static final Logger LOG = Logger.getLogger(BootstrapSuperuser.class);

    /** What the configured credential was found to be. */
    private enum Outcome {
        CREATED, EXISTS, REVOKED, TAKEN
    }

    private final TicketServiceConfig.Bootstrap config;
    private final TicketService tickets;
    private final TicketRepository repository;
    private final PanacheOutbox outbox;

    BootstrapSuperuser(TicketServiceConfig config, TicketService tickets, TicketRepository repository,
            PanacheOutbox outbox) {
        this.config = config.bootstrap();
        this.tickets = tickets;
        this.repository = repository;
        this.outbox = outbox;
    }

    void onStart(@Observes StartupEvent event) {
        ensure();
    }

    /** Makes the configured credential the bootstrap ticket unless it is; returns whether it created it. */
    public boolean ensure() {
        return ensure(config.token(), config.secret());
    }

    /** {@link #ensure()} for the given configuration, as a start with it would. */
    boolean ensure(Optional<String> configuredToken, Optional<String> configuredSecret) {
        Optional<String> token = configuredToken.filter(t -> !t.isBlank());
        Optional<String> secret = configuredSecret.filter(s -> !s.isBlank());
        if (token.isEmpty() && secret.isEmpty()) {
            LOG.info("No bootstrap SUPERUSER configured (onecloud.bootstrap.token/secret)");
            return false;
        }
        if (token.isEmpty() || secret.isEmpty()) {
            throw new IllegalStateException("Set both onecloud.bootstrap.token and onecloud.bootstrap.secret "
                    + "(ONECLOUD_BOOTSTRAP_TOKEN, ONECLOUD_BOOTSTRAP_SECRET), or neither.");
        }
        String credentialId = TokenFormat.credentialId(token.get()).orElseThrow(() -> new IllegalStateException(
                "onecloud.bootstrap.token is not a well-formed OneCloud token (oc_<id>_<random><checksum>, as made by "
                        + "TokenFormat.newToken)."));
        if (!TokenFormat.isWellFormedSecret(secret.get())) {
            throw new IllegalStateException("onecloud.bootstrap.secret is not a well-formed OneCloud secret "
                    + "(40 base62 characters, as made by TokenFormat.newSecret).");
        }
        Outcome outcome = BlockingAwait.await(() -> outbox.inTransaction(
                () -> replace(credentialId, token.get(), secret.get())));
        switch (outcome) {
            case EXISTS -> LOG.infof("Bootstrap SUPERUSER credential %s exists", credentialId);
            case REVOKED -> LOG.warnf("Bootstrap SUPERUSER credential %s is revoked and stays so: configure a new "
                    + "token and secret for a working bootstrap credential", credentialId);
            case TAKEN -> throw new IllegalStateException("onecloud.bootstrap.token names credential " + credentialId
                    + ", which exists with another token or secret; the previous bootstrap ticket is revoked. A new "
                    + "bootstrap secret needs a new token too (TokenFormat.newToken).");
            case CREATED -> {
                // logged with the ticket's id
            }
        }
        return outcome == Outcome.CREATED;
    }

    /** In one transaction: revokes every bootstrap ticket but the configured one, and creates that unless it exists. */
    private Uni<Outcome> replace(String credentialId, String token, String secret) {
        Instant now = Times.now();
        return repository.lockBootstrap()
                .chain(() -> repository.credential(credentialId))
                .chain(found -> repository.lockUnrevokedBootstrap().chain(current -> {
                    boolean configured = found != null && CredentialHash.matches(token, found.tokenHash)
                            && CredentialHash.matches(secret, found.secretHash);
                    List<TicketEntity> previous = current.stream()
                            .filter(ticket -> !(configured && ticket.id.equals(found.ticketId))).toList();
                    Uni<Void> revoked = tickets
                            .revokeAll(previous, RevokeReason.BOOTSTRAP_REPLACED, now, AuditTrail.SYSTEM)
                            .invoke(() -> previous.forEach(ticket -> LOG.infof(
                                    "Revoked bootstrap SUPERUSER ticket %s: the configured credential changed",
                                    ticket.id)))
                            .replaceWithVoid();
                    if (configured) {
                        return revoked.chain(() -> repository.findById(found.ticketId))
                                .map(ticket -> ticket.revokedAt == null ? Outcome.EXISTS : Outcome.REVOKED);
                    }
                    if (found != null) {
                        return revoked.replaceWith(Outcome.TAKEN);
                    }
                    return revoked.chain(() -> create(token, secret, now)).replaceWith(Outcome.CREATED);
                }));
    }

    private Uni<Void> create(String token, String secret, Instant now) {
        NewTicket request = new NewTicket(null, PrincipalKind.SUPERUSER, null, NAME,
                EnumSet.of(Api.TICKETS, Api.USERS), null);
        return tickets.insertBootstrap(request, now, now.plus(config.validity()), token, secret)
                .invoke(issued -> LOG.infof("Created bootstrap SUPERUSER ticket %s", issued.ticket().id))
                .replaceWithVoid();
    }
}
