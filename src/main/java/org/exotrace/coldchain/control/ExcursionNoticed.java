package org.exotrace.coldchain.control;

import org.exotrace.coldchain.entity.ExcursionKind;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A hold pass saw an excursion of a place (its place, kind and start) for the first time ({@link Notice#OPENED}), saw it
 * ended ({@link Notice#ENDED}), or found that the readings no longer show it ({@link Notice#WITHDRAWN}: its holds
 * lapsed). Fired once per excursion and notice (V28's {@code excursion_notice}), inside the pass's transaction (ADR 0045).
 *
 * @param vials the holds the excursion had when noticed (OPENED, ENDED), or the holds that lapsed with it (WITHDRAWN)
 */
public record ExcursionNoticed(Notice notice, String placeCode, String placeName, ExcursionKind kind, Instant startedAt,
                               Optional<Instant> endedAt, Optional<BigDecimal> lowestC, Optional<BigDecimal> highestC, int vials,
                               Instant noticedAt) {

    public enum Notice {
        OPENED, ENDED, WITHDRAWN
    }

    /** How long an ended excursion lasted. */
    public Optional<Duration> duration() {
        return endedAt.map(end -> Duration.between(startedAt, end));
    }
}
