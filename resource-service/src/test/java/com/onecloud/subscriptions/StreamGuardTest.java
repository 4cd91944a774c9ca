package com.onecloud.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;

import org.jboss.resteasy.reactive.server.jaxrs.SseImpl;
import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.access.Audience;
import com.onecloud.access.Principal;
import com.onecloud.access.PrincipalKind;
import com.onecloud.authclient.ActivationMarkers;
import com.onecloud.authclient.DecisionCache;
import com.onecloud.events.ActivationChanged;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;

/**
 * The guard's check of a stream registered after its request was authorized ({@link StreamGuard#watch}): what the
 * replica heard in between, which no HTTP request can place there on purpose, is put into the caches directly here,
 * as the revocation feed would.
 */
@QuarkusTest
class StreamGuardTest {

    @Inject
    StreamGuard guard;
    @Inject
    DecisionCache decisions;
    @Inject
    ActivationMarkers markers;

    @Test
    void aStreamWhoseTicketWasRevokedBeforeItsRegistrationIsCutAtOnce() {
        Principal principal = principal("watch-revoked");
        decisions.revokeTicket(principal.ticketId());
        Opened opened = open(principal);

        assertThat(guard.watch(opened.stream())).isFalse();
        opened.client().assertCompleted();
        assertThat(opened.client().getItems()).extracting(OutboundSseEvent::getName).containsExactly("unauthorized");
        assertThat((String) opened.client().getItems().get(0).getData()).contains(StreamGuard.REVOKED);
    }

    @Test
    void aStreamWhoseApiWasSwitchedOffBeforeItsRegistrationIsCutAtOnce() {
        Principal principal = principal("watch-switched-off");
        markers.activationChanged(new ActivationChanged(principal.organizationId(), null, true, false, Long.MAX_VALUE,
                Instant.now()));
        Opened opened = open(principal);

        assertThat(guard.watch(opened.stream())).isFalse();
        opened.client().assertCompleted();
        assertThat(opened.client().getItems()).extracting(OutboundSseEvent::getName).containsExactly("unauthorized");
    }

    @Test
    void aStreamThatNothingEndedIsWatched() {
        Opened opened = open(principal("watch-live"));

        assertThat(guard.watch(opened.stream())).isTrue();
        opened.client().assertNotTerminated();
        assertThat(opened.stream().isClosed()).isFalse();
        opened.stream().close();
    }

    private record Opened(ChangeStream stream, AssertSubscriber<OutboundSseEvent> client) {
    }

    private static Opened open(Principal principal) {
        ChangeStream stream = new ChangeStream(StreamKey.contacts(principal.organizationId(), principal.userId()),
                principal, Audience.USER_API, SseImpl.INSTANCE, 16, null);
        AssertSubscriber<OutboundSseEvent> client = stream.events(false, () -> {
        }, () -> {
        }).subscribe().withSubscriber(AssertSubscriber.create(10));
        return new Opened(stream, client);
    }

    /** A USER principal of its own organization and ticket, so that no other test's stream or cache entry is touched. */
    private static Principal principal(String name) {
        return new Principal(PrincipalKind.USER, name, name + "-ticket", name + "-org", name + "-user",
                Set.of(Api.CONTACTS), Instant.now().plusSeconds(60), name + "-credential");
    }
}
