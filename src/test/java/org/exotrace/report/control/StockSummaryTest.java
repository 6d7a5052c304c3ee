package org.exotrace.report.control;

import org.exotrace.lot.entity.LotStatus;
import org.exotrace.vial.control.Stock;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StockSummaryTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    static Stock.Line line(String product, String lot, LocalDate expires, String location, long vials) {
        return new Stock.Line(product, product + " name", lot, LotStatus.RELEASED, expires, location, vials);
    }

    @Test
    void lotsAreSummedByProductAndLocationWithTheEarliestExpiryAndTheExpiredVials() {
        Stock.Line expired = line("NFC", "L1", TODAY.minusDays(1), "FREEZER-1", 2);
        StockSummary s = StockSummary.of(List.of(expired, line("NFC", "L2", TODAY, "FREEZER-1", 3), line("NFC", "L3", TODAY.plusDays(9), "FRIDGE", 1),
                line("ASC", "L4", TODAY.plusDays(40), "FRIDGE", 5)), TODAY, ZoneId.of("Asia/Tokyo"));
        assertEquals(List.of(new StockSummary.Line("ASC", "ASC name", "FRIDGE", 5, 1, TODAY.plusDays(40), 0),
                new StockSummary.Line("NFC", "NFC name", "FREEZER-1", 5, 2, TODAY.minusDays(1), 2),
                new StockSummary.Line("NFC", "NFC name", "FRIDGE", 1, 1, TODAY.plusDays(9), 0)), s.lines());
        assertEquals(11, s.vials());
        assertEquals(2, s.expiredVials(), "a vial on its expiry date is not yet expired");
        assertEquals(List.of(expired), s.expired());
    }
}
