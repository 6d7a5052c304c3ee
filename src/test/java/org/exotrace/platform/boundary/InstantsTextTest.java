package org.exotrace.platform.boundary;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The trace and lot reports write instants with {@link Instants#text}: it must give exactly what JSON-B and toString give. */
class InstantsTextTest {

    @Test
    void writesTheFractionInGroupsOfThreeAndLeavesOutAZeroOne() {
        assertEquals("2026-11-25T09:30:00Z", Instants.text(Instant.parse("2026-11-25T09:30:00Z")));
        assertEquals("2026-11-25T09:30:00.120Z", Instants.text(Instant.parse("2026-11-25T09:30:00.12Z")));
        assertEquals("2026-11-25T09:30:00.000100Z", Instants.text(Instant.parse("2026-11-25T09:30:00.0001Z")));
        assertEquals("2026-11-25T09:30:00.000000001Z", Instants.text(Instant.parse("2026-11-25T09:30:00.000000001Z")));
    }

    @Test
    void writesTheEdgesOfItsYearsAndLeavesOtherYearsToToString() {
        for (String text : new String[] {"1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z", "1000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999Z", "2028-02-29T12:00:00Z", "0999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z"}) {
            Instant instant = Instant.parse(text);
            assertEquals(instant.toString(), Instants.text(instant), text);
        }
    }

    @Property(tries = 5000)
    void isTheTextOfToString(@ForAll("instants") Instant instant) {
        assertEquals(instant.toString(), Instants.text(instant));
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(Instant.parse("0500-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("+12000-01-01T00:00:00Z").getEpochSecond());
        // Whole seconds, milliseconds, microseconds and nanoseconds alike, as PostgreSQL and the clock give them.
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999).map(m -> m * 1_000_000),
                Arbitraries.integers().between(0, 999_999).map(u -> u * 1_000), Arbitraries.integers().between(0, 999_999_999));
        return seconds.flatMap(s -> nanos.map(n -> Instant.ofEpochSecond(s, n)));
    }
}
