package org.exotrace.report.control;

import org.exotrace.platform.error.DomainError;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** The dates a report covers, both inclusive, in the clinic's time zone. */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public static final int DEFAULT_DAYS = 30;
    public static final int MAX_YEARS = 3;

    /**
     * The period a client asked for: without {@code to} it ends today, without {@code from} it is the
     * {@value #DEFAULT_DAYS} days up to {@code to}.
     *
     * @throws DomainError INVALID naming the field: not a date, {@code from} after {@code to}, longer than {@value #MAX_YEARS} years
     */
    public static ReportPeriod of(String fromText, String toText, LocalDate today) {
        LocalDate to = date("to", toText);
        LocalDate end = to == null ? today : to;
        LocalDate from = date("from", fromText);
        return checked(from == null ? end.minusDays(DEFAULT_DAYS - 1) : from, end);
    }

    /** One calendar year, 1 January to 31 December. */
    public static ReportPeriod year(int year) {
        return new ReportPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    private static ReportPeriod checked(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw DomainError.invalid("from", from + " is after " + to);
        }
        if (to.isAfter(from.plusYears(MAX_YEARS).minusDays(1))) {
            throw DomainError.invalid("to", "a report covers at most " + MAX_YEARS + " years: " + from + " to " + to + " is longer");
        }
        return new ReportPeriod(from, to);
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw DomainError.invalid(field, "'" + text + "' is not a date such as 2026-11-24");
        }
    }

    /** The first instant of the period in the zone. */
    public Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period in the zone (exclusive end). */
    public Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
