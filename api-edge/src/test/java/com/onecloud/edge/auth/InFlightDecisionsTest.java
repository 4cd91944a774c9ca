package com.onecloud.edge.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;

/** Concurrent misses share one call; a finished call is never reused. */
class InFlightDecisionsTest {

    private final InFlightDecisions inFlight = new InFlightDecisions();
    private final AtomicInteger calls = new AtomicInteger();
    private UnicastProcessor<Decision> pending;

    /** A call to auth-service that answers only when the test says so. */
    private Uni<Decision> call() {
        calls.incrementAndGet();
        pending = UnicastProcessor.create();
        return Uni.createFrom().publisher(pending);
    }

    private static final Decision ALLOW = Decision.allow(new Principal(PrincipalKind.USER, "T1", "T1", "org", "user",
            Set.of(Api.CONTACTS), Instant.now().plusSeconds(3600)), 30);

    @Test
    void requestsWaitingForTheSameKeyShareOneCall() {
        var first = inFlight.share("k", this::call).subscribe().withSubscriber(UniAssertSubscriber.create());
        var second = inFlight.share("k", this::call).subscribe().withSubscriber(UniAssertSubscriber.create());
        var otherKey = inFlight.share("other", this::call).subscribe().withSubscriber(UniAssertSubscriber.create());
        assertThat(calls).as("one call per key").hasValue(2);

        otherKey.assertNotTerminated();
        pending.onNext(ALLOW); // answers the call for "other", the last one made
        pending.onComplete();
        otherKey.assertItem(ALLOW);
        first.assertNotTerminated();
        second.assertNotTerminated();
    }

    @Test
    void everyWaitingRequestGetsTheAnswerAndAFinishedCallIsForgotten() {
        var first = inFlight.share("k", this::call).subscribe().withSubscriber(UniAssertSubscriber.create());
        var second = inFlight.share("k", this::call).subscribe().withSubscriber(UniAssertSubscriber.create());
        pending.onNext(ALLOW);
        pending.onComplete();
        first.assertItem(ALLOW);
        second.assertItem(ALLOW);
        assertThat(inFlight.size()).isZero();

        inFlight.share("k", this::call).subscribe().withSubscriber(UniAssertSubscriber.create());
        assertThat(calls).as("the next miss asks again").hasValue(2);
    }

    @Test
    void aFailureReachesEveryWaitingRequestAndIsNotKept() {
        var first = inFlight.share("k", this::call).subscribe().withSubscriber(UniAssertSubscriber.create());
        var second = inFlight.share("k", this::call).subscribe().withSubscriber(UniAssertSubscriber.create());
        pending.onError(new IllegalStateException("auth-service down"));
        first.assertFailedWith(IllegalStateException.class, "auth-service down");
        second.assertFailedWith(IllegalStateException.class, "auth-service down");
        assertThat(inFlight.size()).isZero();
    }

    @Test
    void aRequestThatGoesAwayDoesNotCancelTheCallOthersWaitFor() {
        var leaving = inFlight.share("k", this::call).subscribe().withSubscriber(UniAssertSubscriber.create());
        var staying = inFlight.share("k", this::call).subscribe().withSubscriber(UniAssertSubscriber.create());
        leaving.cancel();
        pending.onNext(ALLOW);
        pending.onComplete();
        staying.assertItem(ALLOW);
        assertThat(calls).hasValue(1);
    }
}
