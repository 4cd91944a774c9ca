package com.onecloud.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.onecloud.events.ActivationChanged;
import com.onecloud.events.CloudEvent;
import com.onecloud.events.TicketCreated;
import com.onecloud.events.TicketRevoked;
import com.onecloud.events.TicketRotated;
import com.onecloud.events.Topics;
import com.onecloud.events.consumer.Subscription;

/** What the feed asks of every cache, for each kind of event. */
class RevocationFeedTest {

    private final Recorded first = new Recorded();
    private final Recorded second = new Recorded();
    private final Recorded activations = new Recorded();
    private final RevocationFeed feed = new RevocationFeed(List.of(first, second), List.of(activations), null,
            "some-service");

    @Test
    void aRevokedTicketIsRevokedInEveryCache() {
        feed.handle(event(Topics.TICKET_REVOKED, new TicketRevoked("t1", null, "o1", "u1", "USER", Instant.now(),
                "REVOKED")));
        assertThat(first.calls).containsExactly("ticket t1");
        assertThat(second.calls).containsExactly("ticket t1");
    }

    @Test
    void theEndOfARotationsGraceRevokesOnlyTheOldCredential() {
        feed.handle(event(Topics.TICKET_REVOKED, new TicketRevoked("t1", "c-old", "o1", null, "APPLICATION",
                Instant.now(), "ROTATION_GRACE_ENDED")));
        assertThat(first.calls).containsExactly("credential t1/c-old");
    }

    @Test
    void aRotationRefreshesTheTicketInEveryCache() {
        feed.handle(event(Topics.TICKET_ROTATED, new TicketRotated("t1", "c-new", "o1", null, "APPLICATION",
                Instant.now(), Instant.now().plusSeconds(60))));
        assertThat(first.calls).containsExactly("rotated t1 c-new true");
        assertThat(second.calls).containsExactly("rotated t1 c-new true");
    }

    @Test
    void anActivationChangeReachesTheActivationListenersOnly() {
        ActivationChanged change = new ActivationChanged("o1", null, false, true, 3, Instant.now());
        feed.handle(event(Topics.ACTIVATION_CHANGED, change));
        feed.handle(event(Topics.ACTIVATION_CHANGED, new ActivationChanged(" ", "u1", null, false, 4, Instant.now())));
        assertThat(activations.calls).containsExactly("activation o1 null false true 3");
        assertThat(first.calls).isEmpty();
    }

    @Test
    void otherEventsAndRevocationsWithoutATicketChangeNothing() {
        feed.handle(event(Topics.TICKET_CREATED, new TicketCreated("t1", "o1", null, "APPLICATION", List.of(),
                Instant.now(), Instant.now())));
        feed.handle(event(Topics.TICKET_REVOKED, new TicketRevoked(" ", null, "o1", null, "USER", Instant.now(),
                "REVOKED")));
        feed.handle(event("com.example.other", JsonNodeFactory.instance.objectNode()));
        assertThat(first.calls).isEmpty();
    }

    @Test
    void aLostPositionClearsEveryCache() {
        feed.positionLost();
        assertThat(first.calls).containsExactly("clear");
        assertThat(second.calls).containsExactly("clear");
        assertThat(activations.calls).containsExactly("position lost");
    }

    @Test
    void everyReplicaHasAGroupOfItsOwnUnderTheApplicationsPrefix() {
        assertThat(feed.subscription().topics()).containsExactly(Topics.TICKET_EVENTS, Topics.DIRECTORY_EVENTS);
        assertThat(feed.subscription().delivery())
                .isEqualTo(new Subscription.Delivery.Broadcast(
                        "some-service" + RevocationFeed.GROUP_INFIX));
    }

    private static CloudEvent<?> event(String type, Object data) {
        return CloudEvent.of("/test", type, "subject", Instant.now(), data);
    }

    private static final class Recorded implements RevocableCache, ActivationListener {

        final List<String> calls = new ArrayList<>();

        @Override
        public int revokeTicket(String ticketId) {
            calls.add("ticket " + ticketId);
            return 1;
        }

        @Override
        public int revokeCredential(String ticketId, String credentialId) {
            calls.add("credential " + ticketId + "/" + credentialId);
            return 1;
        }

        @Override
        public int rotated(String ticketId, String currentCredentialId, Instant othersEndAt) {
            calls.add("rotated " + ticketId + " " + currentCredentialId + " " + (othersEndAt != null));
            return 1;
        }

        @Override
        public long clear() {
            calls.add("clear");
            return 1;
        }

        @Override
        public void activationChanged(ActivationChanged change) {
            calls.add("activation " + change.organizationId() + " " + change.userId() + " "
                    + change.adminApiEnabled() + " " + change.userApiEnabled() + " " + change.version());
        }

        @Override
        public void positionLost() {
            calls.add("position lost");
        }
    }
}
