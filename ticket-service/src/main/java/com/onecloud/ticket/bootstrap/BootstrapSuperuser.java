package com.onecloud.ticket.bootstrap;

import java.util.EnumSet;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.onecloud.access.Api;
import com.onecloud.access.PrincipalKind;
import com.onecloud.access.credential.CredentialHash;
import com.onecloud.access.credential.TokenFormat;
import com.onecloud.ticket.config.TicketServiceConfig;
import com.onecloud.ticket.outbox.PanacheOutbox;
import com.onecloud.ticket.repository.CredentialEntity;
import com.onecloud.ticket.repository.TicketRepository;
import com.onecloud.ticket.service.NewTicket;
import com.onecloud.ticket.service.TicketService;
import com.onecloud.ticket.support.BlockingAwait;
import com.onecloud.ticket.support.Times;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Makes sure the bootstrap SUPERUSER ticket of the configuration exists, so that a fresh installation can be
 * administered (contract §2). Idempotent, keyed by the credential id inside the configured token: a restart, or a
 * second replica, finds it and creates nothing. Only hashes are stored; the token and secret are never logged.
 */
@ApplicationScoped
public class BootstrapSuperuser {

    static final String NAME = "bootstrap";
    private static final Logger LOG = Logger.getLogger(BootstrapSuperuser.class);

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

    /** Creates the bootstrap ticket unless it exists; returns whether it created it. */
    public boolean ensure() {
        Optional<String> token = config.token().filter(t -> !t.isBlank());
        Optional<String> secret = config.secret().filter(s -> !s.isBlank());
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
        try {
            return create(credentialId, token.get(), secret.get());
        } catch (RuntimeException e) {
            // Another replica may have created it at the same moment: then the primary key refused our insert.
            if (BlockingAwait.await(() -> Panache.withSession(() -> existing(credentialId))) != null) {
                LOG.infof("Bootstrap SUPERUSER credential %s exists", credentialId);
                return false;
            }
            throw e;
        }
    }

    private boolean create(String credentialId, String token, String secret) {
        return BlockingAwait.await(() -> outbox.inTransaction(() -> existing(credentialId).chain(found -> {
            if (found != null) {
                if (!CredentialHash.matches(token, found.tokenHash)
                        || !CredentialHash.matches(secret, found.secretHash)) {
                    LOG.warnf("Bootstrap SUPERUSER credential %s exists with another token or secret; left as it is",
                            credentialId);
                } else {
                    LOG.infof("Bootstrap SUPERUSER credential %s exists", credentialId);
                }
                return Uni.createFrom().item(false);
            }
            var now = Times.now();
            NewTicket request = new NewTicket(null, PrincipalKind.SUPERUSER, null, NAME,
                    EnumSet.of(Api.TICKETS, Api.USERS), null);
            return tickets.insert(request, now, now.plus(config.validity()), TokenFormat.newId(), token, secret)
                    .invoke(issued -> LOG.infof("Created bootstrap SUPERUSER ticket %s", issued.ticket().id))
                    .replaceWith(true);
        })));
    }

    private Uni<CredentialEntity> existing(String credentialId) {
        return repository.credential(credentialId);
    }
}
