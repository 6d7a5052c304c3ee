package org.exotrace.bedside.entity;

import org.exotrace.catalog.entity.DonorSource;
import org.exotrace.catalog.entity.Route;
import org.exotrace.gs1.BarcodeForm;
import org.exotrace.gs1.Gs1Label;
import org.exotrace.gs1.Gtin;
import org.exotrace.lot.entity.LotStatus;
import org.exotrace.vial.entity.VialState;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BedsideRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final String GTIN = "04912345000019";

    static VialFacts vial(LotStatus status, LocalDate expiresOn, VialState state) {
        return new VialFacts(UUID.randomUUID(), GTIN, "0001", state, "FREEZER-1", UUID.randomUUID(), "NFC2611A", status, expiresOn,
                "CPC-TOKYO-1", DonorSource.CORD_BLOOD, UUID.randomUUID(), "MAXNFC-2", "max NFC 2cc", new BigDecimal("2.0"),
                780_000_000_000L, EnumSet.of(Route.IV_DRIP, Route.INJECTION));
    }

    static VialFacts usable() {
        return vial(LotStatus.RELEASED, TODAY.plusMonths(6), VialState.IN_STOCK);
    }

    static Gs1Label label(String lot, LocalDate expiry) {
        return new Gs1Label(Gtin.of(GTIN), Optional.ofNullable(expiry), Optional.ofNullable(lot), Optional.of("0001"), Optional.empty(),
                BarcodeForm.ELEMENT_STRING);
    }

    private static Verdict check(VialFacts v, Gs1Label label, Route route, boolean earlier) {
        return BedsideRules.check(v, Optional.ofNullable(label), Optional.ofNullable(route), false, TODAY, 30, earlier, false);
    }

    @Test
    void aReleasedUnexpiredVialInStockWithAMatchingLabelMayBeGiven() {
        Verdict v = check(usable(), label("NFC2611A", TODAY.plusMonths(6)), Route.IV_DRIP, false);
        assertTrue(v.ok());
        assertEquals(List.of(), v.warnings());
    }

    @Test
    void aVialOnATemperatureHoldIsBlockedWithItsOwnWordBesideTheOthers() {
        Verdict held = BedsideRules.check(usable(), Optional.empty(), Optional.of(Route.IV_DRIP), false, TODAY, 30, false, true);
        assertEquals(List.of(Block.TEMPERATURE_HOLD), held.reasons());
        Verdict recalledAndHeld = BedsideRules.check(vial(LotStatus.RECALLED, TODAY.plusMonths(6), VialState.IN_STOCK), Optional.empty(),
                Optional.empty(), false, TODAY, 30, false, true);
        assertEquals(List.of(Block.LOT_RECALLED, Block.TEMPERATURE_HOLD), recalledAndHeld.reasons());
    }

    @Test
    void eachLotStatusButReleasedBlocksWithItsOwnWord() {
        assertEquals(List.of(Block.LOT_QUARANTINED), check(vial(LotStatus.QUARANTINED, TODAY.plusMonths(6), VialState.IN_STOCK), null, null, false).reasons());
        assertEquals(List.of(Block.LOT_REJECTED), check(vial(LotStatus.REJECTED, TODAY.plusMonths(6), VialState.IN_STOCK), null, null, false).reasons());
        assertEquals(List.of(Block.LOT_RECALLED), check(vial(LotStatus.RECALLED, TODAY.plusMonths(6), VialState.IN_STOCK), null, null, false).reasons());
    }

    @Test
    void aVialMayBeGivenOnItsExpiryDayButNotTheDayAfter() {
        Verdict onTheDay = check(vial(LotStatus.RELEASED, TODAY, VialState.IN_STOCK), null, null, false);
        assertTrue(onTheDay.ok());
        assertEquals(List.of(Caution.EXPIRES_SOON), onTheDay.warnings());
        Verdict after = check(vial(LotStatus.RELEASED, TODAY.minusDays(1), VialState.IN_STOCK), null, null, false);
        assertEquals(List.of(Block.EXPIRED), after.reasons());
        assertEquals(List.of(), after.warnings(), "an expired vial is not also 'expiring soon'");
    }

    @Test
    void expiresSoonWarnsWithinTheWindowInclusive() {
        assertEquals(List.of(Caution.EXPIRES_SOON), check(vial(LotStatus.RELEASED, TODAY.plusDays(30), VialState.IN_STOCK), null, null, false).warnings());
        assertEquals(List.of(), check(vial(LotStatus.RELEASED, TODAY.plusDays(31), VialState.IN_STOCK), null, null, false).warnings());
    }

    @Test
    void anAdministeredDispensedOrWastedVialIsAlreadyUsed() {
        for (VialState used : List.of(VialState.ADMINISTERED, VialState.DISPENSED, VialState.WASTED)) {
            assertEquals(List.of(Block.ALREADY_USED), check(vial(LotStatus.RELEASED, TODAY.plusMonths(6), used), null, null, false).reasons());
        }
    }

    @Test
    void aLabelWhoseLotOrExpiryDiffersFromTheRecordIsAMismatch() {
        assertEquals(List.of(Block.LABEL_MISMATCH), check(usable(), label("NFC2611B", TODAY.plusMonths(6)), null, false).reasons());
        assertEquals(List.of(Block.LABEL_MISMATCH), check(usable(), label("NFC2611A", TODAY.plusMonths(7)), null, false).reasons());
        assertTrue(check(usable(), label(null, null), null, false).ok(), "a label without lot or expiry is not compared on them");
    }

    @Test
    void aRouteTheProductDoesNotAllowIsBlockedAndDispensingNeedsAHomeUseRoute() {
        assertEquals(List.of(Block.ROUTE_NOT_ALLOWED), check(usable(), null, Route.NASAL, false).reasons());
        assertEquals(List.of(Block.ROUTE_NOT_ALLOWED),
                BedsideRules.check(usable(), Optional.empty(), Optional.of(Route.IV_DRIP), true, TODAY, 30, false, false).reasons());
    }

    @Test
    void everyReasonThatAppliesIsNamedNotOnlyTheFirst() {
        VialFacts bad = vial(LotStatus.RECALLED, TODAY.minusDays(3), VialState.ADMINISTERED);
        Verdict v = check(bad, label("OTHER", null), Route.EYE_DROP, true);
        assertEquals(List.of(Block.LABEL_MISMATCH, Block.LOT_RECALLED, Block.EXPIRED, Block.ALREADY_USED, Block.ROUTE_NOT_ALLOWED), v.reasons());
        assertEquals(List.of(Caution.NOT_FIRST_EXPIRY), v.warnings());
    }

    @Test
    void anEarlierExpiringVialOnTheShelfIsAWarningNotABlock() {
        Verdict v = check(usable(), null, Route.IV_DRIP, true);
        assertTrue(v.ok());
        assertEquals(List.of(Caution.NOT_FIRST_EXPIRY), v.warnings());
    }
}
