package com.onecloud.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.ws.rs.sse.OutboundSseEvent;

import org.apache.kafka.common.TopicPartition;
import org.jboss.resteasy.reactive.server.jaxrs.SseImpl;
import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.access.Audience;
import com.onecloud.access.Principal;
import com.onecloud.access.PrincipalKind;
import com.onecloud.subscriptions.ChangeStream.Position;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;

/** The hand-over from a replay to the live feed, and the bound on a slow subscriber. */
class ChangeStreamTest {

    private static final TopicPartition P0 = new TopicPartition("contact-events", 0);
    private static final TopicPartition P1 = new TopicPartition("contact-events", 1);
    private static final StreamKey KEY = StreamKey.contacts("org", "user");
    private static final Principal USER = new Principal(PrincipalKind.USER, "s", "t", "org", "user",
            Set.of(Api.CONTACTS), Instant.now().plusSeconds(60));

    @Test
    void liveChangesThatTheReplayAlreadyGaveAreSkippedAndTheRestFollowInOrder() {
        ChangeStream stream = new ChangeStream(KEY, USER, Audience.USER_API, SseImpl.INSTANCE, 16, null);
        AssertSubscriber<OutboundSseEvent> client = stream.events(true, () -> {
        }, () -> {
        }).subscribe().withSubscriber(AssertSubscriber.create(100));

        // Live changes arrive while the replay reads: they wait.
        stream.live(change("c2"), P0, 2, position(Map.of(P0, 3L, P1, 0L)));
        stream.live(change("c3"), P1, 0, position(Map.of(P0, 3L, P1, 1L)));
        assertThat(client.getItems()).isEmpty();
        // The replay read both partitions up to P0:3, P1:0.
        stream.replayed(change("c1"), new Cursor(Map.of(P0, 2L, P1, 0L)));
        stream.replayed(change("c2"), new Cursor(Map.of(P0, 3L, P1, 0L)));
        stream.replayDone(new Cursor(Map.of(P0, 3L, P1, 0L)));
        stream.live(change("c4"), P0, 3, position(Map.of(P0, 4L, P1, 1L)));

        List<OutboundSseEvent> sent = client.getItems();
        assertThat(sent).extracting(e -> (String) e.getData()).containsExactly(data("c1"), data("c2"), data("c3"),
                data("c4"));
        assertThat(Cursor.decode(sent.get(2).getId())).contains(new Cursor(Map.of(P0, 3L, P1, 1L)));
        assertThat(Cursor.decode(sent.get(3).getId())).contains(new Cursor(Map.of(P0, 4L, P1, 1L)));
    }

    @Test
    void aSubscriberThatFallsTooFarBehindIsEndedToResume() {
        ChangeStream stream = new ChangeStream(KEY, USER, Audience.USER_API, SseImpl.INSTANCE, 4, null);
        AtomicBoolean ended = new AtomicBoolean();
        AssertSubscriber<OutboundSseEvent> slow = stream.events(false, () -> {
        }, () -> ended.set(true)).subscribe().withSubscriber(AssertSubscriber.create(1));
        for (int i = 0; i < 6; i++) {
            stream.live(change("c" + i), P0, i, position(Map.of(P0, i + 1L)));
        }
        slow.request(10);
        slow.assertCompleted();
        assertThat(slow.getItems()).hasSizeLessThanOrEqualTo(5);
        assertThat(ended).isTrue();
        assertThat(stream.isClosed()).isTrue();
    }

    @Test
    void unauthorizedIsTheLastEvent() {
        ChangeStream stream = new ChangeStream(KEY, USER, Audience.USER_API, SseImpl.INSTANCE, 16, null);
        AssertSubscriber<OutboundSseEvent> client = stream.events(false, () -> {
        }, () -> {
        }).subscribe().withSubscriber(AssertSubscriber.create(10));
        stream.unauthorized("The credential was revoked.");
        stream.live(change("late"), P0, 0, position(Map.of(P0, 1L)));
        client.assertCompleted();
        assertThat(client.getItems()).extracting(OutboundSseEvent::getName).containsExactly("unauthorized");
    }

    private static Change change(String id) {
        return new Change(KEY, "created", data(id));
    }

    private static String data(String id) {
        return "{\"type\":\"created\",\"item\":{\"id\":\"" + id + "\"}}";
    }

    private static Position position(Map<TopicPartition, Long> next) {
        Cursor cursor = new Cursor(next);
        return new Position(cursor, cursor.encode());
    }
}
