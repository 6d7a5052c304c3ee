package org.exotrace.report.control;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.exotrace.vial.entity.WasteReason.BROKEN;
import static org.exotrace.vial.entity.WasteReason.PARTIAL_USE_REMAINDER;
import static org.junit.jupiter.api.Assertions.assertEquals;

class WastageTest {

    @Test
    void wholeVialsAndRemaindersOfOneReasonAndProductAreOneLine() {
        ReportPeriod p = new ReportPeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
        Wastage w = Wastage.of(p, ZoneId.of("Asia/Tokyo"), List.of(
                new Wastage.Line(PARTIAL_USE_REMAINDER, "NFC", "max NFC", 1, 0, new BigDecimal("2.000")),
                new Wastage.Line(BROKEN, "NFC", "max NFC", 2, 0, new BigDecimal("4.000")),
                new Wastage.Line(PARTIAL_USE_REMAINDER, "NFC", "max NFC", 0, 3, new BigDecimal("1.250")),
                new Wastage.Line(BROKEN, "ASC", "EXO Pure ASC", 1, 0, new BigDecimal("4.000"))));
        assertEquals(List.of(new Wastage.Line(BROKEN, "ASC", "EXO Pure ASC", 1, 0, new BigDecimal("4.000")),
                new Wastage.Line(BROKEN, "NFC", "max NFC", 2, 0, new BigDecimal("4.000")),
                new Wastage.Line(PARTIAL_USE_REMAINDER, "NFC", "max NFC", 1, 3, new BigDecimal("3.250"))), w.lines());
        assertEquals(List.of(new Wastage.ByReason(BROKEN, 3, 0, new BigDecimal("8.000")),
                new Wastage.ByReason(PARTIAL_USE_REMAINDER, 1, 3, new BigDecimal("3.250"))), w.byReason());
        assertEquals(4, w.vials());
        assertEquals(3, w.partialVials());
        assertEquals(new BigDecimal("11.250"), w.ml());
    }
}
