package io.backorder.insights;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Days {@code from} to {@code to}, both included, in UTC: the window rates are computed over. */
public record Period(LocalDate from, LocalDate to) {

    public static final int DEFAULT_DAYS = 30;
    public static final int MAX_DAYS = 366;

    public Period {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The period ends before it starts");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new IllegalArgumentException("The period is longer than " + MAX_DAYS + " days");
        }
    }

    public static Period lastDays(LocalDate today, int days) {
        return new Period(today.minusDays(days - 1L), today);
    }

    public OffsetDateTime start() {
        return from.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /** The first instant after the period. */
    public OffsetDateTime end() {
        return to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
