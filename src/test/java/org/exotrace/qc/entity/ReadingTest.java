package org.exotrace.qc.entity;

import org.exotrace.catalog.entity.QualitativeOutcome;
import org.exotrace.platform.error.DomainError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReadingTest {

    @Test
    void aReadingIsAValueWithItsUnitOrAnOutcomeWithoutOne() {
        assertEquals(new Reading.Quantity(new BigDecimal("0.1"), "EU/mL"), Reading.of(new BigDecimal("0.1"), "EU/mL", null));
        assertEquals(new Reading.Outcome(QualitativeOutcome.NEGATIVE), Reading.of(null, null, QualitativeOutcome.NEGATIVE));
    }

    @Test
    void neitherOrBothIsRefusedNamingTheValue() {
        assertEquals("value", assertThrows(DomainError.class, () -> Reading.of(null, null, null)).field());
        assertEquals("value", assertThrows(DomainError.class, () -> Reading.of(BigDecimal.ONE, "CFU", QualitativeOutcome.NEGATIVE)).field());
    }

    @Test
    void aValueWithoutItsUnitOrAnOutcomeWithOneIsRefusedNamingTheUnit() {
        assertEquals("unit", assertThrows(DomainError.class, () -> Reading.of(BigDecimal.ONE, null, null)).field());
        assertEquals("unit", assertThrows(DomainError.class, () -> Reading.of(null, "CFU", QualitativeOutcome.NEGATIVE)).field());
    }
}
