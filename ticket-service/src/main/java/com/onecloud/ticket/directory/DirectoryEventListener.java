package com.onecloud.ticket.directory;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.onecloud.events.ActivationChanged;
import com.onecloud.events.CloudEvent;
import com.onecloud.events.OrganizationDeleted;
import com.onecloud.events.Topics;
import com.onecloud.events.UserDeleted;
import com.onecloud.events.consumer.EventListener;
import com.onecloud.events.consumer.Subscription;
import com.onecloud.ticket.config.TicketServiceConfig;
import com.onecloud.ticket.support.BlockingAwait;

/**
 * Revokes the tickets of deleted users and organizations, and keeps the API activations for auth-service. The replicas share one consumer group ({@code ticket-service}
 * by default): each event is handled by one of them, and its offset is committed only once the revocations and the
 * record that the event was handled are committed to the database. An event that cannot be handled now (database
 * down) comes again after a backoff.
 */
@ApplicationScoped
public class DirectoryEventListener implements EventListener {

    private static final Logger LOG = Logger.getLogger(DirectoryEventListener.class);
    /** The longest event id the processed-event record keeps. */
    private static final int MAX_EVENT_ID = 100;

    private final DirectoryEventHandler handler;
    private final TicketServiceConfig.Directory config;

    DirectoryEventListener(DirectoryEventHandler handler, TicketServiceConfig config) {
        this.handler = handler;
        this.config = config.directory();
    }

    @Override
    public Subscription subscription() {
        return Subscription.shared("directory-events", Topics.DIRECTORY_EVENTS, config.groupId(), config.maxBackoff());
    }

    @Override
    public boolean enabled() {
        return config.enabled();
    }

    @Override
    public void handle(CloudEvent<?> event) {
        if (event.id().length() > MAX_EVENT_ID) {
            LOG.warnf("Skipping a %s event whose id is longer than %d characters", event.type(), MAX_EVENT_ID);
            return;
        }
        if (event.data() instanceof UserDeleted deleted) {
            if (blank(deleted.organizationId()) || blank(deleted.userId())) {
                LOG.warnf("Skipping %s event %s without organizationId or userId", event.type(), event.id());
                return;
            }
            int revoked = BlockingAwait.await(
                    () -> handler.userDeleted(event.id(), deleted.organizationId(), deleted.userId()));
            LOG.infof("User deleted (event %s): revoked %d tickets", event.id(), revoked);
        } else if (event.data() instanceof ActivationChanged change) {
            if (!wellFormed(change)) {
                LOG.warnf("Skipping %s event %s: not an organization's or a user's activation", event.type(),
                        event.id());
                return;
            }
            int stored = BlockingAwait.await(() -> handler.activationChanged(event.id(), change));
            LOG.infof("Activation of organization %s%s (event %s, version %d): %s", change.organizationId(),
                    change.isUsers() ? " user " + change.userId() : "", event.id(), change.version(),
                    stored == 1 ? "stored and announced" : "already known");
        } else if (event.data() instanceof OrganizationDeleted deleted) {
            if (blank(deleted.organizationId())) {
                LOG.warnf("Skipping %s event %s without organizationId", event.type(), event.id());
                return;
            }
            int revoked = BlockingAwait.await(() -> handler.organizationDeleted(event.id(), deleted.organizationId()));
            LOG.infof("Organization deleted (event %s): revoked %d tickets", event.id(), revoked);
        }
    }

    /** An organization's change carries both flags; a user's only its own. */
    private static boolean wellFormed(ActivationChanged change) {
        if (blank(change.organizationId()) || change.changedAt() == null) {
            return false;
        }
        return change.userId() == null ? change.adminApiEnabled() != null
                : !change.userId().isBlank() && change.adminApiEnabled() == null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
