package org.exotrace.coldchain.boundary;

import org.exotrace.coldchain.entity.Reading;
import org.exotrace.platform.error.DomainError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReadingsCsvTest {

    @Test
    void aLoggersExportIsReadRowByRow() {
        List<Reading> readings = ReadingsCsv.parse("\uFEFFloggerId,at,celsius\r\nTL-1,2026-12-07T03:15:00+09:00,-79.6\r\n\r\n"
                + "TL-1,2026-12-06T18:16:00Z,-79.5\r\n", null);
        assertEquals(List.of(new Reading("TL-1", Instant.parse("2026-12-06T18:15:00Z"), new BigDecimal("-79.6")),
                new Reading("TL-1", Instant.parse("2026-12-06T18:16:00Z"), new BigDecimal("-79.5"))), readings);
    }

    @Test
    void aSemicolonExportWithDecimalCommasAndTheLoggerNamedByTheRequestIsReadToo() {
        List<Reading> readings = ReadingsCsv.parse("Time;Temperature\n2026-12-07T03:15:00+09:00;\"4,5\"\n", "FR-7");
        assertEquals(List.of(new Reading("FR-7", Instant.parse("2026-12-06T18:15:00Z"), new BigDecimal("4.5"))), readings);
    }

    @Test
    void theFirstFaultRefusesTheFileNamingItsRow() {
        DomainError noOffset = assertThrows(DomainError.class, () -> ReadingsCsv.parse("loggerId,at,celsius\nTL-1,2026-12-07T03:15:00Z,-80\n"
                + "TL-1,2026-12-07T03:16:00,-80\n", null));
        assertEquals("row 3 at", noOffset.field());
        assertEquals("row 2 celsius", assertThrows(DomainError.class,
                () -> ReadingsCsv.parse("at,celsius\n2026-12-07T03:15:00Z,warm\n", "TL-1")).field());
        assertEquals("row 1", assertThrows(DomainError.class, () -> ReadingsCsv.parse("at,celsius\n2026-12-07T03:15:00Z,-80\n", null)).field(),
                "no logger named");
        assertEquals("row 2", assertThrows(DomainError.class, () -> ReadingsCsv.parse("loggerId,at,celsius\n", null)).field());
        assertEquals("row 1", assertThrows(DomainError.class, () -> ReadingsCsv.parse("", "TL-1")).field());
    }
}
