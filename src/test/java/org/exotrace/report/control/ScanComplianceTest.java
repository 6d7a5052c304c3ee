package org.exotrace.report.control;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ScanComplianceTest {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void aWeekIsNamedByItsIsoWeekBasedYear() {
        assertEquals("2026-W01", ScanCompliance.isoWeek(LocalDate.of(2025, 12, 29)), "a Monday in December can start week 1");
        assertEquals("2026-W53", ScanCompliance.isoWeek(LocalDate.of(2027, 1, 1)), "2026 has 53 ISO weeks");
        assertEquals("2026-W48", ScanCompliance.isoWeek(LocalDate.of(2026, 11, 25)));
    }

    @Test
    void aWeekStartsOnMonday() {
        assertEquals(LocalDate.of(2026, 11, 23), ScanCompliance.weekStart(LocalDate.of(2026, 11, 29)));
        assertEquals(LocalDate.of(2026, 11, 30), ScanCompliance.weekStart(LocalDate.of(2026, 11, 30)));
    }

    @Test
    void theShareIsAPercentWithOneDecimalRoundedHalfUp() {
        assertEquals(new BigDecimal("33.3"), ScanCompliance.percent(1, 3));
        assertEquals(new BigDecimal("66.7"), ScanCompliance.percent(2, 3));
        assertEquals(new BigDecimal("2.2"), ScanCompliance.percent(947, 43_068), "Ohsaka et al.: 2.2 % unscanned");
        assertEquals(new BigDecimal("0.0"), ScanCompliance.percent(0, 5));
        assertEquals(new BigDecimal("100.0"), ScanCompliance.percent(5, 5));
    }

    @Test
    void noVialsHaveNoShare() {
        assertNull(ScanCompliance.percent(0, 0));
    }

    @Test
    void daysAreSummedByNurseByWeekAndOverall() {
        ReportPeriod period = new ReportPeriod(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 30));
        ScanCompliance r = ScanCompliance.of(period, TOKYO, List.of(
                new ScanCompliance.Day("sato", LocalDate.of(2026, 11, 22), 2, 3, 1),
                new ScanCompliance.Day("ito", LocalDate.of(2026, 11, 23), 1, 1, 0),
                new ScanCompliance.Day("sato", LocalDate.of(2026, 11, 29), 1, 2, 2)));
        assertEquals(new ScanCompliance.Figures(4, 6, 3, new BigDecimal("50.0")), r.overall());
        assertEquals(List.of(new ScanCompliance.ByNurse("ito", new ScanCompliance.Figures(1, 1, 0, new BigDecimal("0.0"))),
                new ScanCompliance.ByNurse("sato", new ScanCompliance.Figures(3, 5, 3, new BigDecimal("60.0")))), r.byNurse());
        assertEquals(List.of(
                new ScanCompliance.ByWeek("2026-W47", LocalDate.of(2026, 11, 16), new ScanCompliance.Figures(2, 3, 1, new BigDecimal("33.3"))),
                new ScanCompliance.ByWeek("2026-W48", LocalDate.of(2026, 11, 23), new ScanCompliance.Figures(2, 3, 2, new BigDecimal("66.7")))),
                r.byWeek());
    }

    @Test
    void anEmptyPeriodHasZeroCountsAndNoShare() {
        ScanCompliance r = ScanCompliance.of(new ReportPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)), TOKYO, List.of());
        assertEquals(new ScanCompliance.Figures(0, 0, 0, null), r.overall());
        assertEquals(List.of(), r.byNurse());
    }
}
