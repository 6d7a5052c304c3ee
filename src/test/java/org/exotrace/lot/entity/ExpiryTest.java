package org.exotrace.lot.entity;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExpiryTest {

    private static final LocalDate EXPIRES = LocalDate.of(2027, 5, 31);

    @Test
    void aVialMayBeGivenOnItsExpiryDateButNotAfter() {
        assertFalse(Expiry.passed(EXPIRES, EXPIRES));
        assertTrue(Expiry.passed(EXPIRES, EXPIRES.plusDays(1)));
    }

    @Test
    void expiringSoonCountsTheLastDayAndNotAnExpiredLot() {
        assertTrue(Expiry.soon(EXPIRES, EXPIRES.minusDays(30), 30));
        assertFalse(Expiry.soon(EXPIRES, EXPIRES.minusDays(31), 30));
        assertTrue(Expiry.soon(EXPIRES, EXPIRES, 30));
        assertFalse(Expiry.soon(EXPIRES, EXPIRES.plusDays(1), 30));
    }

    @Test
    void aLotIsReceivedOrReleasedOnlyBeforeItsExpiryDate() {
        assertFalse(Expiry.lastDayReached(EXPIRES, EXPIRES.minusDays(1)));
        assertTrue(Expiry.lastDayReached(EXPIRES, EXPIRES));
        assertTrue(Expiry.lastDayReached(EXPIRES, EXPIRES.plusDays(1)));
    }
}
