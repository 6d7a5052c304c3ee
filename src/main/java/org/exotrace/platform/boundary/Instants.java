package org.exotrace.platform.boundary;

import org.exotrace.platform.problem.ProblemException;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads an instant a client sent as text (ISO-8601, UTC), or refuses it naming the field. */
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
}
