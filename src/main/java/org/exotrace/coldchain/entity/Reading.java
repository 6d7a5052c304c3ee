package org.exotrace.coldchain.entity;

import org.exotrace.platform.error.DomainError;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * One temperature a logger read at a place at an instant. A logger's clock says where it is: the time must carry its
 * offset (or Z), since a local time without one would put a night's readings an ocean away.
 */
public record Reading(String logger, Instant at, BigDecimal celsius) {

    public static final Pattern LOGGER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    /**
     * The reading as sent; {@code where} starts the field a refusal names ({@code readings[3].} or {@code row 4 }).
     *
     * @throws DomainError naming the field when the logger, time or temperature cannot be stored
     */
    public static Reading of(String where, String logger, String at, BigDecimal celsius) {
        if (logger == null || !LOGGER.matcher(logger).matches()) {
            throw DomainError.invalid(where + "loggerId", "1-64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(at == null ? "" : at.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw DomainError.invalid(where + "at", "a time with its offset, such as 2026-12-07T03:15:00+09:00 or 2026-12-06T18:15:00Z");
        }
        if (celsius == null || celsius.compareTo(new BigDecimal("-273.15")) < 0 || celsius.compareTo(BigDecimal.valueOf(200)) > 0
                || celsius.stripTrailingZeros().scale() > 2) {
            throw DomainError.invalid(where + "celsius", "-273.15 to 200 °C, to a hundredth of a degree");
        }
        return new Reading(logger, instant, celsius);
    }
}
