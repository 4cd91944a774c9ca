package com.onecloud.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;

/** Concurrent calls for one key share one call; a finished call is never reused. */
class SharedCallsTest {

    private static final String ALLOW = "ALLOW";

    private final SharedCalls<String> inFlight = new SharedCalls<>();
    private final AtomicInteger calls = new AtomicInteger();
    private UnicastProcessor<String> pending;

    /** A call (to auth-service, to the database) that answers only when the test says so. */
    private Uni<String> call() {
        calls.incrementAndGet();
        pending = UnicastProcessor.create();
        return Uni.createFrom().publisher(pending);
    }

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
        pending.onError(new IllegalStateException("down"));
        first.assertFailedWith(IllegalStateException.class, "down");
        second.assertFailedWith(IllegalStateException.class, "down");
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
