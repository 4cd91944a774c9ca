package com.onecloud.revocation;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.onecloud.events.ActivationChanged;
import com.onecloud.events.CloudEvent;
import com.onecloud.events.TicketRevoked;
import com.onecloud.events.TicketRotated;
import com.onecloud.events.Topics;
import com.onecloud.events.consumer.EventConsumer;
import com.onecloud.events.consumer.EventConsumers;
import com.onecloud.events.consumer.EventListener;
import com.onecloud.events.consumer.Subscription;

import io.quarkus.arc.All;

/**
 * Brings every revocation, and every rotation (which gives the replaced credentials an end), to every
 * {@link RevocableCache} of this process, and every API activation change to every {@link ActivationListener}. Every replica consumes every event
 * (contract §6: broadcast), in a consumer group of its own named {@code <application><GROUP_INFIX><uuid>}, from the end
 * of {@code ticket-events} and {@code directory-events}; whenever that position is set anew the caches are cleared, since a revocation before it
 * may never arrive.
 */
@ApplicationScoped
public class RevocationFeed implements EventListener {

    /** Between the application's name and the process's UUID in the consumer group id (the Kafka ACLs name it). */
    public static final String GROUP_INFIX = "-revocations-";

    /**
     * How long the feed may be out of touch before the caches stop trusting older entries; also how old an entry they
     * trust meanwhile. The broker's group coordinator hears from a consumer every few seconds.
     */
    public static final Duration STALE_AFTER = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(RevocationFeed.class);

    private final List<RevocableCache> caches;
    private final List<ActivationListener> activations;
    private final EventConsumers consumers;
    private final Subscription subscription;

    RevocationFeed(@All List<RevocableCache> caches, @All List<ActivationListener> activations,
            EventConsumers consumers, @ConfigProperty(name = "quarkus.application.name") String application) {
        this.caches = caches;
        this.activations = activations;
        this.consumers = consumers;
        // Activation changes come on both topics: first from resource-service, then from ticket-service once its view
        // holds them. Hearing the first saves a hop; hearing the second tells auth-service its view is up to date.
        this.subscription = Subscription.broadcast("revocations", List.of(Topics.TICKET_EVENTS, Topics.DIRECTORY_EVENTS),
                application + GROUP_INFIX);
    }

    @Override
    public Subscription subscription() {
        return subscription;
    }

    @Override
    public void handle(CloudEvent<?> event) {
        if (event.data() instanceof ActivationChanged change) {
            if (change.organizationId() == null || change.organizationId().isBlank()) {
                LOG.warnf("Activation event %s names no organization; skipped", event.id());
                return;
            }
            activations.forEach(listener -> listener.activationChanged(change));
            LOG.debugf("Activation event %s: organization %s%s", event.id(), change.organizationId(),
                    change.isUsers() ? " user " + change.userId() : "");
            return;
        }
        if (event.data() instanceof TicketRotated rotated && rotated.ticketId() != null) {
            int dropped = caches.stream().mapToInt(cache -> cache.rotated(rotated.ticketId(), rotated.credentialId(),
                    rotated.graceEndsAt())).sum();
            LOG.debugf("Rotation event %s: ticket %s, %d cached entries dropped", event.id(), rotated.ticketId(), dropped);
            return;
        }
        if (!(event.data() instanceof TicketRevoked revoked)) {
            return;
        }
        if (revoked.ticketId() == null || revoked.ticketId().isBlank()) {
            LOG.warnf("Revocation event %s names no ticket; skipped", event.id());
            return;
        }
        boolean wholeTicket = revoked.credentialId() == null || revoked.credentialId().isBlank();
        int evicted = 0;
        for (RevocableCache cache : caches) {
            evicted += wholeTicket ? cache.revokeTicket(revoked.ticketId())
                    : cache.revokeCredential(revoked.ticketId(), revoked.credentialId());
        }
        LOG.debugf("Revocation event %s: ticket %s%s, %d cached entries evicted", event.id(), revoked.ticketId(),
                wholeTicket ? "" : " credential " + revoked.credentialId(), evicted);
    }

    @Override
    public void positionLost() {
        long evicted = caches.stream().mapToLong(RevocableCache::clear).sum();
        activations.forEach(ActivationListener::positionLost);
        LOG.debugf("Reading revocations from now on; %d cached entries dropped", evicted);
    }

    /** Whether revocations reach this process: false until the feed has its partitions. */
    public boolean isListening() {
        EventConsumer consumer = consumers.get(subscription.name());
        return consumer != null && consumer.isListening();
    }

    /**
     * Whether revocations reach this process now: listening, and in touch with the broker within
     * {@link #STALE_AFTER}. While not, every cache trusts only what it verified within that bound.
     */
    public boolean isCurrent() {
        EventConsumer consumer = consumers.get(subscription.name());
        return consumer != null && consumer.isCurrent(STALE_AFTER);
    }

    /** Whether the feed's consumer runs (it stops only with the application). */
    public boolean isRunning() {
        EventConsumer consumer = consumers.get(subscription.name());
        return consumer != null && consumer.isRunning();
    }

    /** How many times the caches were cleared because the feed's position was set anew. */
    public long positionsLost() {
        EventConsumer consumer = consumers.get(subscription.name());
        return consumer == null ? 0 : consumer.positionsLost();
    }
}
