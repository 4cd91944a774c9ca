package com.onecloud.ticket.service;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.onecloud.http.problem.InvalidInput;

/**
 * The UTC days a usage request covers: {@code from} and {@code to} (ISO-8601 dates, both included), by default the 30
 * days up to today, at most {@link #LONGEST} days.
 */
public record UsagePeriod(LocalDate from, LocalDate to) {

    static final int DEFAULT_DAYS = 30;
    static final int LONGEST = 400;

    /** The period the query names; a date that does not parse, or a period that is empty or too long, is a 400. */
    public static UsagePeriod of(String from, String to, LocalDate today) {
        LocalDate end = to == null ? today : date("to", to);
        LocalDate start = from == null ? end.minusDays(DEFAULT_DAYS - 1) : date("from", from);
        if (start.isAfter(end)) {
            throw InvalidInput.of("from", "from must not be after to.");
        }
        if (start.plusDays(LONGEST).isBefore(end.plusDays(1))) {
            throw InvalidInput.of("from", "A usage period is at most " + LONGEST + " days.");
        }
        return new UsagePeriod(start, end);
    }

    private static LocalDate date(String parameter, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(parameter, parameter + " must be an ISO-8601 date (e.g. 2026-12-05).");
        }
    }
}
