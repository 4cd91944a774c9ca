package com.onecloud.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A signed-out session is known as ended until its idle time would have ended it, and no other is. */
class EndedSessionsTest {

    @Test
    void aSessionEndedIsKnownUntilItsIdleTimeWouldHaveEndedItAnyway() {
        EndedSessions sessions = new EndedSessions();
        sessions.end("csrf-1", 1_000, 1_900);
        assertThat(sessions.ended("csrf-1", 1_000)).isTrue();
        assertThat(sessions.ended("csrf-1", 1_899)).isTrue();
        assertThat(sessions.ended("csrf-1", 1_900)).isFalse();
        assertThat(sessions.ended("csrf-2", 1_000)).as("another session").isFalse();
    }

    @Test
    void anEntryPastItsTimeIsDroppedWhenAnotherSessionEnds() {
        EndedSessions sessions = new EndedSessions();
        sessions.end("csrf-1", 1_000, 1_900);
        sessions.end("csrf-2", 2_000, 2_900);
        assertThat(sessions.size()).isEqualTo(1);
        assertThat(sessions.ended("csrf-2", 2_000)).isTrue();
    }
}
