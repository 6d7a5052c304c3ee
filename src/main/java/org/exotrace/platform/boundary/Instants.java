package org.exotrace.platform.boundary;

import org.exotrace.platform.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reads an instant a client sent as text (ISO-8601, UTC), or refuses it naming the field; writes one as the text
 * {@link Instant#toString()} gives.
 */
public final class Instants {

    private Instants() {
    }

    /** @return null when nothing was sent */
    public static Instant parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "'" + text + "' is not a UTC instant such as 2026-11-25T09:30:00Z");
        }
    }

    /**
     * The text of {@link Instant#toString()} (ISO-8601 in UTC, the fraction in groups of three digits and left out
     * when zero), made without the general formatter: a trace or lot report writes tens of thousands of instants,
     * and {@code DateTimeFormatter.ISO_INSTANT} was a tenth of its CPU (docs/BENCHMARKS.md). Years outside
     * 1000-9999 are left to {@code toString}.
     */
    public static String text(Instant instant) {
        long seconds = instant.getEpochSecond();
        long day = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(day);
        int year = date.getYear();
        if (year < 1000 || year > 9999) {
            return instant.toString();
        }
        int nanos = instant.getNano();
        char[] c = new char[30];
        int n = digits(c, 0, year, 4);
        c[n++] = '-';
        n = digits(c, n, date.getMonthValue(), 2);
        c[n++] = '-';
        n = digits(c, n, date.getDayOfMonth(), 2);
        c[n++] = 'T';
        n = digits(c, n, secondOfDay / 3600, 2);
        c[n++] = ':';
        n = digits(c, n, secondOfDay / 60 % 60, 2);
        c[n++] = ':';
        n = digits(c, n, secondOfDay % 60, 2);
        if (nanos != 0) {
            c[n++] = '.';
            if (nanos % 1_000_000 == 0) {
                n = digits(c, n, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                n = digits(c, n, nanos / 1_000, 6);
            } else {
                n = digits(c, n, nanos, 9);
            }
        }
        c[n++] = 'Z';
        return new String(c, 0, n);
    }

    /** Writes {@code value} as exactly {@code width} decimal digits at {@code at}; returns the position after them. */
    private static int digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
