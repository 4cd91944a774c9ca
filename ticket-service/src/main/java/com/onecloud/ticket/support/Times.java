package com.onecloud.ticket.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps at the database's precision, so that what a response shows is exactly what was stored. */
public final class Times {

    private Times() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
