package io.backorder.insights.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.ws.rs.QueryParam;

import io.backorder.insights.Period;
import io.backorder.support.rest.UnprocessableProblem;

/** The period of a KPI request: {@code from} and {@code to} (ISO dates, both included) or the last {@code days}. */
public class PeriodParameters {

    @QueryParam("from")
    String from;

    @QueryParam("to")
    String to;

    @QueryParam("days")
    Integer days;

    public Period resolve(LocalDate today) {
        try {
            if (from == null && to == null) {
                int span = days == null ? Period.DEFAULT_DAYS : days;
                if (span < 1 || span > Period.MAX_DAYS) {
                    throw new UnprocessableProblem("days must be between 1 and " + Period.MAX_DAYS);
                }
                return Period.lastDays(today, span);
            }
            LocalDate end = to == null ? today : LocalDate.parse(to);
            LocalDate start = from == null ? end.minusDays(Period.DEFAULT_DAYS - 1L) : LocalDate.parse(from);
            return new Period(start, end);
        } catch (DateTimeParseException e) {
            throw new UnprocessableProblem("from and to must be dates like 2026-03-01");
        } catch (IllegalArgumentException e) {
            throw new UnprocessableProblem(e.getMessage());
        }
    }
}
