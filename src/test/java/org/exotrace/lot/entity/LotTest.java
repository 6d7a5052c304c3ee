package org.exotrace.lot.entity;

import org.exotrace.catalog.entity.AssaySpec;
import org.exotrace.catalog.entity.CellProcessingCentre;
import org.exotrace.catalog.entity.DonorSource;
import org.exotrace.catalog.entity.Product;
import org.exotrace.catalog.entity.QualitativeOutcome;
import org.exotrace.catalog.entity.Route;
import org.exotrace.gs1.Gtin;
import org.exotrace.platform.error.DomainError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LotTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static final Product PULP_ONLY = new Product("EXOPURE-P", "EXO Pure P", Gtin.of("04912345000019"), Set.of(DonorSource.DENTAL_PULP),
            new BigDecimal("2.0"), 10_000_000_000L, Set.of(Route.NASAL),
            List.of(AssaySpec.qualitative("STERILITY", QualitativeOutcome.NEGATIVE)), "qa", Instant.EPOCH);
    static final CellProcessingCentre CPC = new CellProcessingCentre("CPC-TOKYO-1", "Tokyo", "FA3190001", "JP", "qa", Instant.EPOCH);

    private static Lot receive(String number, DonorSource source, LocalDate made, LocalDate expires) {
        return Lot.receive(number, PULP_ONLY, CPC, source, made, expires, TODAY, "inv", Instant.EPOCH);
    }

    @Test
    void aReceivedLotIsQuarantined() {
        Lot lot = receive("P2611A", DonorSource.DENTAL_PULP, TODAY.minusDays(20), TODAY.plusMonths(6));
        assertEquals(LotStatus.QUARANTINED, lot.status());
    }

    @Test
    void aDonorSourceTheProductIsNotMadeFromIsRefusedNamingTheField() {
        var e = assertThrows(DomainError.class, () -> receive("P2611A", DonorSource.ADIPOSE, TODAY.minusDays(20), TODAY.plusMonths(6)));
        assertEquals("donorSource", e.field());
    }

    @Test
    void expiryMustFollowManufacture() {
        var e = assertThrows(DomainError.class, () -> receive("P2611A", DonorSource.DENTAL_PULP, TODAY.minusDays(1), TODAY.minusDays(1)));
        assertEquals("expiresOn", e.field());
    }

    @Test
    void anAlreadyExpiredLotIsRefusedAndOneExpiringTomorrowIsNot() {
        assertEquals("expiresOn", assertThrows(DomainError.class,
                () -> receive("P2611A", DonorSource.DENTAL_PULP, TODAY.minusMonths(7), TODAY)).field());
        receive("P2611B", DonorSource.DENTAL_PULP, TODAY.minusMonths(7), TODAY.plusDays(1));
    }

    @Test
    void aLotMadeInTheFutureIsRefused() {
        assertEquals("manufacturedOn", assertThrows(DomainError.class,
                () -> receive("P2611A", DonorSource.DENTAL_PULP, TODAY.plusDays(1), TODAY.plusMonths(6))).field());
    }

    @Test
    void lotNumbersAreWhatGs1Ai10Carries() {
        receive("A".repeat(20), DonorSource.DENTAL_PULP, TODAY.minusDays(1), TODAY.plusMonths(6));
        receive("AB/12", DonorSource.DENTAL_PULP, TODAY.minusDays(1), TODAY.plusMonths(6));
        receive("-x(1)_%?", DonorSource.DENTAL_PULP, TODAY.minusDays(1), TODAY.plusMonths(6));
        for (String refused : new String[] {"A".repeat(21), "", "NFC 2611", "AB#1", "A~", "LOT\\1"}) {
            var e = assertThrows(DomainError.class,
                    () -> receive(refused, DonorSource.DENTAL_PULP, TODAY.minusDays(1), TODAY.plusMonths(6)), refused);
            assertEquals("lotNumber", e.field());
        }
    }

    @Test
    void statusMovesOnlyAlongTheQaStateMachine() {
        assertTrue(LotStatus.QUARANTINED.canBecome(LotStatus.RELEASED));
        assertTrue(LotStatus.QUARANTINED.canBecome(LotStatus.REJECTED));
        assertTrue(LotStatus.RELEASED.canBecome(LotStatus.RECALLED));
        assertFalse(LotStatus.QUARANTINED.canBecome(LotStatus.RECALLED));
        assertFalse(LotStatus.RELEASED.canBecome(LotStatus.QUARANTINED));
        assertFalse(LotStatus.REJECTED.canBecome(LotStatus.RELEASED));
        assertFalse(LotStatus.RECALLED.canBecome(LotStatus.RELEASED));
    }

    @Test
    void aQuarantinedLotIsReleasedAndThenRecalled() {
        Lot lot = receive("P2611A", DonorSource.DENTAL_PULP, TODAY.minusDays(20), TODAY.plusMonths(6));
        LotDecision released = lot.release("qa", Instant.EPOCH, "QC reviewed");
        assertEquals(LotStatus.RELEASED, lot.status());
        assertEquals(LotStatus.QUARANTINED, released.from());
        LotDecision recalled = lot.recall("qa2", Instant.EPOCH, "CPC notice");
        assertEquals(LotStatus.RECALLED, lot.status());
        assertEquals(LotStatus.RELEASED, recalled.from());
        assertEquals("CPC notice", recalled.reason());
        assertEquals("qa2", recalled.decidedBy());
    }

    @Test
    void aQuarantinedLotCannotBeRecalledAndTheRefusalNamesItsState() {
        Lot lot = receive("P2611A", DonorSource.DENTAL_PULP, TODAY.minusDays(20), TODAY.plusMonths(6));
        var e = assertThrows(DomainError.class, () -> lot.recall("qa", Instant.EPOCH, "CPC notice"));
        assertEquals(LotStatus.QUARANTINED.name(), e.currentState());
        assertEquals(LotStatus.QUARANTINED, lot.status());
    }

    @Test
    void aRejectedLotStaysRejected() {
        Lot lot = receive("P2611A", DonorSource.DENTAL_PULP, TODAY.minusDays(20), TODAY.plusMonths(6));
        lot.reject("qa", Instant.EPOCH, "sterility failed");
        assertEquals(LotStatus.REJECTED.name(), assertThrows(DomainError.class, () -> lot.release("qa", Instant.EPOCH, "QC reviewed")).currentState());
        assertEquals(LotStatus.REJECTED.name(), assertThrows(DomainError.class, () -> lot.recall("qa", Instant.EPOCH, "CPC notice")).currentState());
        assertEquals(LotStatus.REJECTED.name(), assertThrows(DomainError.class, () -> lot.reject("qa", Instant.EPOCH, "sterility failed")).currentState());
        assertEquals(LotStatus.REJECTED, lot.status());
    }

    @Test
    void aReleasedLotCannotBeReleasedAgainOrRejected() {
        Lot lot = receive("P2611A", DonorSource.DENTAL_PULP, TODAY.minusDays(20), TODAY.plusMonths(6));
        lot.release("qa", Instant.EPOCH, "QC reviewed");
        assertEquals(LotStatus.RELEASED.name(), assertThrows(DomainError.class, () -> lot.release("qa", Instant.EPOCH, "QC reviewed")).currentState());
        assertEquals(LotStatus.RELEASED.name(), assertThrows(DomainError.class, () -> lot.reject("qa", Instant.EPOCH, "sterility failed")).currentState());
    }

    @Test
    void aChangeOfStatusWithoutAReasonIsRefusedAndChangesNothing() {
        Lot lot = receive("P2611A", DonorSource.DENTAL_PULP, TODAY.minusDays(20), TODAY.plusMonths(6));
        assertEquals("reason", assertThrows(DomainError.class, () -> lot.reject("qa", Instant.EPOCH, " ")).field());
        assertEquals(LotStatus.QUARANTINED, lot.status());
    }
}
