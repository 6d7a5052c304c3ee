package org.exotrace.report.control;

import org.exotrace.platform.error.DomainError;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReportPeriodTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void withoutDatesItIsTheLastThirtyDaysUpToToday() {
        assertEquals(new ReportPeriod(LocalDate.of(2026, 10, 27), TODAY), ReportPeriod.of(null, null, TODAY));
    }

    @Test
    void withOnlyToItIsTheThirtyDaysUpToIt() {
        assertEquals(new ReportPeriod(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 31)), ReportPeriod.of(null, "2026-01-31", TODAY));
    }

    @Test
    void fromAfterToIsRefusedNamingFrom() {
        DomainError e = assertThrows(DomainError.class, () -> ReportPeriod.of("2026-11-26", "2026-11-25", TODAY));
        assertEquals(DomainError.Kind.INVALID, e.kind());
        assertEquals("from", e.field());
    }

    @Test
    void threeWholeYearsAreAllowedAndOneDayMoreIsNot() {
        assertEquals(LocalDate.of(2026, 12, 31), ReportPeriod.of("2024-01-01", "2026-12-31", TODAY).to());
        DomainError e = assertThrows(DomainError.class, () -> ReportPeriod.of("2024-01-01", "2027-01-01", TODAY));
        assertEquals("to", e.field());
    }

    @Test
    void anImpossibleDateIsRefusedNamingTheField() {
        assertEquals("to", assertThrows(DomainError.class, () -> ReportPeriod.of(null, "2026-02-30", TODAY)).field());
    }

    @Test
    void theDaysAreTheClinicsFromMidnightToMidnight() {
        ReportPeriod day = new ReportPeriod(TODAY, TODAY);
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        assertEquals(Instant.parse("2026-11-24T15:00:00Z"), day.start(tokyo));
        assertEquals(Instant.parse("2026-11-25T15:00:00Z"), day.end(tokyo));
    }

    @Test
    void aYearRunsFromJanuaryFirstToDecemberThirtyFirst() {
        assertEquals(new ReportPeriod(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)), ReportPeriod.year(2024));
    }
}
