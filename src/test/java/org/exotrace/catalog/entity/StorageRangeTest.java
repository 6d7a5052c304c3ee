package org.exotrace.catalog.entity;

import org.exotrace.platform.error.DomainError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StorageRangeTest {

    static final StorageRange FROZEN = new StorageRange(new BigDecimal("-90"), new BigDecimal("-20"));

    @Test
    void aPlaceWhoseRangeLiesWithinTheProductsKeepsIt() {
        assertTrue(FROZEN.contains(new BigDecimal("-90"), new BigDecimal("-60")));
        assertTrue(FROZEN.contains(new BigDecimal("-30"), new BigDecimal("-20.0")), "bounds included");
    }

    @Test
    void aPlaceThatMayBeWarmerOrColderThanTheProductAllowsDoesNot() {
        assertFalse(FROZEN.contains(new BigDecimal("2"), new BigDecimal("8")));
        assertFalse(FROZEN.contains(new BigDecimal("-30"), new BigDecimal("-15")));
        assertFalse(FROZEN.contains(new BigDecimal("-150"), new BigDecimal("-60")));
    }

    @Test
    void noBoundsIsNoRangeAndOneBoundAloneIsRefused() {
        assertEquals(Optional.empty(), StorageRange.of(null, null));
        assertThrows(DomainError.class, () -> StorageRange.of(new BigDecimal("-80"), null));
        assertThrows(DomainError.class, () -> StorageRange.of(new BigDecimal("8"), new BigDecimal("2")));
        assertThrows(DomainError.class, () -> StorageRange.of(new BigDecimal("2.05"), new BigDecimal("8")));
    }
}
