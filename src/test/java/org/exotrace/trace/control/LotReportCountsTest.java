package org.exotrace.trace.control;

import org.exotrace.trace.control.LotReports.Counts;
import org.exotrace.vial.entity.VialState;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LotReportCountsTest {

    static final LocalDate EXPIRES = LocalDate.of(2027, 5, 31);

    static final Map<VialState, Long> SIX = Map.of(VialState.IN_STOCK, 2L, VialState.ADMINISTERED, 2L, VialState.DISPENSED, 1L,
            VialState.WASTED, 1L);

    @Test
    void receivedEqualsOnHandPlusAdministeredPlusDispensedPlusWastedIsBalancedAndSaidInWords() {
        Counts c = Counts.of(6, SIX, EXPIRES, EXPIRES.minusDays(1));
        assertEquals(6, c.received());
        assertEquals(2, c.onHand());
        assertEquals(2, c.administered());
        assertEquals(1, c.dispensed());
        assertEquals(1, c.wasted());
        assertTrue(c.balanced());
        assertEquals("received 6 = on hand 2 + administered 2 + dispensed 1 + wasted 1 (= 6): true; expired 0 of the 2 on hand", c.check());
    }

    @Test
    void aLedgerThatDisagreesWithTheVialsIsReportedUnbalanced() {
        Counts c = Counts.of(7, SIX, EXPIRES, EXPIRES);
        assertFalse(c.balanced());
        assertTrue(c.check().startsWith("received 7 != on hand 2 + "), c.check());
        assertTrue(c.check().contains("(= 6): false"), c.check());
    }

    @Test
    void vialsOnHandExpireTheDayAfterTheExpiryDateAndStayCountedOnHand() {
        assertEquals(0, Counts.of(6, SIX, EXPIRES, EXPIRES).expired(), "on its expiry day a vial has not expired");
        Counts after = Counts.of(6, SIX, EXPIRES, EXPIRES.plusDays(1));
        assertEquals(2, after.expired());
        assertEquals(2, after.onHand());
        assertTrue(after.balanced());
    }

    @Test
    void statesWithoutVialsCountZero() {
        Counts c = Counts.of(3, Map.of(VialState.IN_STOCK, 3L), EXPIRES, EXPIRES);
        assertEquals(0, c.administered() + c.dispensed() + c.wasted());
        assertTrue(c.balanced());
    }
}
