package com.onecloud.console.mytickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The end a new token is asked for: the chosen day's end, but never later than the signed-in credential's. */
class MyTicketPagesTest {

    private static final Instant SIGN_IN_ENDS = Instant.parse("2026-12-06T05:30:00Z");

    @Test
    void aDayBeforeTheSignInEndsIsThatDaysEnd() {
        assertThat(MyTicketPages.expiresAt("2026-12-05", SIGN_IN_ENDS)).isEqualTo("2026-12-05T23:59:59Z");
    }

    @Test
    void aDayEndingAfterTheSignInIsCutToItsEndAsThePageSays() {
        assertThat(MyTicketPages.expiresAt("2026-12-06", SIGN_IN_ENDS)).isEqualTo("2026-12-06T05:30:00Z");
        assertThat(MyTicketPages.expiresAt("2027-01-01", SIGN_IN_ENDS)).isEqualTo("2026-12-06T05:30:00Z");
    }

    @Test
    void noDayIsTheApisDefaultAndAGarbledOneIsLeftForTheApiToRefuse() {
        assertThat(MyTicketPages.expiresAt("", SIGN_IN_ENDS)).isNull();
        assertThat(MyTicketPages.expiresAt(null, SIGN_IN_ENDS)).isNull();
        assertThat(MyTicketPages.expiresAt("next week", SIGN_IN_ENDS)).isEqualTo("next week");
    }
}
