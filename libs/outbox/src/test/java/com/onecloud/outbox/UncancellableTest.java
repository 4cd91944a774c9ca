package com.onecloud.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

class UncancellableTest {

    @Test
    void workWhoseCallerStopsWaitingStillRunsToItsEnd() {
        CompletableFuture<String> database = new CompletableFuture<>();
        AtomicInteger finished = new AtomicInteger();
        AtomicReference<String> answered = new AtomicReference<>();
        Uni<String> work = Uni.createFrom().completionStage(database).invoke(finished::incrementAndGet);

        Cancellable caller = Uncancellable.run(work).subscribe().with(answered::set);
        caller.cancel();
        database.complete("committed");

        assertThat(finished).as("the work went on after the cancellation").hasValue(1);
        assertThat(answered.get()).as("nobody is told").isNull();
    }

    @Test
    void aCallerThatWaitsGetsTheAnswerOrTheFailure() {
        assertThat(Uncancellable.run(Uni.createFrom().item("committed")).await().indefinitely())
                .isEqualTo("committed");
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Uncancellable.run(Uni.createFrom().<String>failure(new IllegalStateException("rolled back")))
                .subscribe().with(item -> { }, failed::set);
        assertThat(failed.get()).hasMessage("rolled back");
    }

    @Test
    void withoutItTheWorkWouldStopWithTheCaller() {
        CompletableFuture<String> database = new CompletableFuture<>();
        AtomicInteger finished = new AtomicInteger();
        Uni<String> work = Uni.createFrom().completionStage(database).invoke(finished::incrementAndGet);

        work.subscribe().with(item -> { }).cancel();
        database.complete("committed");

        assertThat(finished).hasValue(0);
    }
}
