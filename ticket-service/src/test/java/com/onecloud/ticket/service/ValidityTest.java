package com.onecloud.ticket.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.onecloud.http.problem.ApiException;
import com.onecloud.http.problem.InvalidInput;
import com.onecloud.http.problem.Violation;

/** A new ticket's end: chosen or the longest allowed, never past the maximum nor past the credential it came from. */
class ValidityTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Validity YEAR = new Validity(Duration.ofDays(365));

    @Test
    void withoutASourceTheDefaultIsTheMaximumAndAChosenEndMustLieBetweenNowAndIt() {
        assertThat(YEAR.decide(null, null, NOW)).isEqualTo(NOW.plus(Duration.ofDays(365)));
        assertThat(YEAR.decide(NOW.plusSeconds(60), null, NOW)).isEqualTo(NOW.plusSeconds(60));
        assertThat(YEAR.decide(NOW.plus(Duration.ofDays(365)), null, NOW)).isEqualTo(NOW.plus(Duration.ofDays(365)));
        assertInvalid(() -> YEAR.decide(NOW, null, NOW), "expiresAt must be in the future.");
        assertInvalid(() -> YEAR.decide(NOW.plus(Duration.ofDays(366)), null, NOW),
                "expiresAt must be at most 365 days from now.");
    }

    @Test
    void aTokenMadeByAShortLivedCredentialEndsWithItByDefault() {
        Instant jwtEnd = NOW.plusSeconds(300);
        assertThat(YEAR.decide(null, jwtEnd, NOW)).isEqualTo(jwtEnd);
        // Stored at the database's precision, never rounded up past the source.
        assertThat(YEAR.decide(null, jwtEnd.plusNanos(999), NOW)).isEqualTo(jwtEnd);
        // A source that ends after the maximum does not lengthen it.
        assertThat(YEAR.decide(null, NOW.plus(Duration.ofDays(400)), NOW)).isEqualTo(NOW.plus(Duration.ofDays(365)));
    }

    @Test
    void askingForMoreThanTheSourceHasIsRefusedNotCut() {
        Instant jwtEnd = NOW.plusSeconds(300);
        assertThat(YEAR.decide(jwtEnd, jwtEnd, NOW)).isEqualTo(jwtEnd);
        assertThat(YEAR.decide(NOW.plusSeconds(60), jwtEnd, NOW)).isEqualTo(NOW.plusSeconds(60));
        assertInvalid(() -> YEAR.decide(jwtEnd.plusSeconds(1), jwtEnd, NOW),
                "expiresAt must not be later than the end of the presenting credential, 2026-12-01T10:05:00Z.");
        assertInvalid(() -> YEAR.decide(NOW.plus(Duration.ofDays(30)), jwtEnd, NOW),
                "expiresAt must not be later than the end of the presenting credential");
        // The maximum is named first when the request breaks both.
        assertInvalid(() -> YEAR.decide(NOW.plus(Duration.ofDays(400)), jwtEnd, NOW),
                "expiresAt must be at most 365 days from now.");
    }

    @Test
    void aSourceThatHasEndedMakesNothing() {
        assertInvalid(() -> YEAR.decide(null, NOW, NOW), "The presenting credential has ended");
        assertInvalid(() -> YEAR.decide(null, NOW.minusSeconds(1), NOW), "The presenting credential has ended");
    }

    private static void assertInvalid(Runnable rule, String message) {
        assertThatThrownBy(rule::run).isInstanceOf(InvalidInput.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((ApiException) e).violations()).extracting(Violation::field)
                        .containsExactly("expiresAt"));
    }
}
