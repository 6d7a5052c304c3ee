package org.exotrace.bedside.entity;

import org.exotrace.catalog.entity.Route;
import org.exotrace.platform.error.DomainError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdministrationTest {

    static final Instant NOW = Instant.parse("2026-11-25T01:30:00Z");
    static final Duration SHIFT = Duration.ofHours(12);

    static Administration.Details details(Route route, InjectionSite site, String volume, Purpose purpose, String indication,
                                          Instant at, String lateReason) {
        return new Administration.Details("P-1001", route, site, null, volume == null ? null : new BigDecimal(volume), purpose, indication,
                null, null, null, null, at, lateReason);
    }

    static Administration.Use scanned(VialFacts v) {
        return new Administration.Use(v, "]d2...", 1);
    }

    static Administration record(Administration.Details d, List<Administration.Use> uses) {
        return Administration.record(DoseKind.ADMINISTERED, d, uses, List.of(), "nurse.ito", NOW, SHIFT);
    }

    @Test
    void aWholeVialDoseKeepsTheVolumeAndTheParticlesAndMarksTheScan() {
        Administration a = record(details(Route.IV_DRIP, null, "2.0", Purpose.WELLNESS, null, null, null),
                List.of(scanned(BedsideRulesTest.usable())));
        assertEquals(780_000_000_000L, a.particles());
        assertEquals(NOW, a.administeredAt());
        AdministeredVial row = a.vials().get(0);
        assertTrue(row.scanned());
        assertEquals(0, row.remainderMl().signum());
    }

    @Test
    void aPartialDoseWastesTheRemainderAndCountsParticlesForTheVolumeGiven() {
        Administration a = record(details(Route.INJECTION, InjectionSite.FACE, "0.5", Purpose.COSMETIC, null, null, null),
                List.of(new Administration.Use(BedsideRulesTest.usable(), null, 1)));
        assertEquals(195_000_000_000L, a.particles());
        assertEquals(new BigDecimal("1.500"), a.vials().get(0).remainderMl());
        assertFalse(a.vials().get(0).scanned(), "a vial chosen by hand is marked so");
    }

    @Test
    void aDripOfTwoVialsDrawsTheFirstWholeAndThenTheSecond() {
        Administration a = record(details(Route.IV_DRIP, null, "3.0", Purpose.THERAPY, "chronic fatigue", null, null),
                List.of(scanned(BedsideRulesTest.usable()), scanned(BedsideRulesTest.usable())));
        assertEquals(List.of(new BigDecimal("2.000"), new BigDecimal("1.000")), a.vials().stream().map(AdministeredVial::volumeMl).toList());
        assertEquals(new BigDecimal("1.000"), a.vials().get(1).remainderMl());
        assertEquals(1_170_000_000_000L, a.particles());
    }

    @Test
    void moreThanTheVialsHoldOrAVialLeftUnusedIsRefused() {
        var tooMuch = assertThrows(DomainError.class, () -> record(details(Route.IV_DRIP, null, "2.5", Purpose.WELLNESS, null, null, null),
                List.of(scanned(BedsideRulesTest.usable()))));
        assertEquals("volumeMl", tooMuch.field());
        var unused = assertThrows(DomainError.class, () -> record(details(Route.IV_DRIP, null, "2.0", Purpose.WELLNESS, null, null, null),
                List.of(scanned(BedsideRulesTest.usable()), scanned(BedsideRulesTest.usable()))));
        assertEquals("vials[1]", unused.field());
    }

    @Test
    void aTherapyNamesItsIndicationAndAnInjectionItsSite() {
        assertEquals("indication", assertThrows(DomainError.class, () -> record(
                details(Route.IV_DRIP, null, "2.0", Purpose.THERAPY, " ", null, null), List.of(scanned(BedsideRulesTest.usable())))).field());
        assertEquals("site", assertThrows(DomainError.class, () -> record(
                details(Route.INJECTION, null, "1.0", Purpose.COSMETIC, null, null, null), List.of(scanned(BedsideRulesTest.usable())))).field());
        assertEquals("site", assertThrows(DomainError.class, () -> record(
                details(Route.IV_DRIP, InjectionSite.FACE, "1.0", Purpose.COSMETIC, null, null, null), List.of(scanned(BedsideRulesTest.usable())))).field());
    }

    @Test
    void aLateEntryWithinTheShiftNeedsAReasonAndOlderOrFutureTimesAreRefused() {
        Instant twoHoursAgo = NOW.minus(Duration.ofHours(2));
        assertEquals("lateEntryReason", assertThrows(DomainError.class, () -> record(
                details(Route.IV_DRIP, null, "2.0", Purpose.WELLNESS, null, twoHoursAgo, null), List.of(scanned(BedsideRulesTest.usable())))).field());
        Administration late = record(details(Route.IV_DRIP, null, "2.0", Purpose.WELLNESS, null, twoHoursAgo, "network down at the bedside"),
                List.of(scanned(BedsideRulesTest.usable())));
        assertEquals(twoHoursAgo, late.administeredAt());
        assertEquals(NOW, late.recordedAt());
        assertEquals("network down at the bedside", late.lateEntryReason().orElseThrow());
        assertEquals("administeredAt", assertThrows(DomainError.class, () -> record(
                details(Route.IV_DRIP, null, "2.0", Purpose.WELLNESS, null, NOW.minus(Duration.ofHours(13)), "yesterday"),
                List.of(scanned(BedsideRulesTest.usable())))).field());
        assertEquals("administeredAt", assertThrows(DomainError.class, () -> record(
                details(Route.IV_DRIP, null, "2.0", Purpose.WELLNESS, null, NOW.plus(Duration.ofHours(1)), null),
                List.of(scanned(BedsideRulesTest.usable())))).field());
    }

    @Test
    void aDispenseIsWholeVialsByAHomeUseRoute() {
        VialFacts nasal = new VialFacts(BedsideRulesTest.usable().vialId(), "04912345000026", "N1", BedsideRulesTest.usable().state(),
                "FRIDGE-1", BedsideRulesTest.usable().lotId(), "P2611", BedsideRulesTest.usable().lotStatus(), BedsideRulesTest.usable().expiresOn(),
                "CPC-TOKYO-1", org.exotrace.catalog.entity.DonorSource.DENTAL_PULP, BedsideRulesTest.usable().productId(), "EXOPURE-P",
                "EXO Pure P", new BigDecimal("4.0"), 10_000_000_000L, java.util.EnumSet.of(Route.NASAL));
        Administration d = Administration.record(DoseKind.DISPENSED, details(Route.NASAL, null, null, Purpose.WELLNESS, null, null, null),
                List.of(scanned(nasal)), List.of(), "nurse.ito", NOW, SHIFT);
        assertEquals(new BigDecimal("4.000"), d.volumeMl(), "kept to the microlitre, as stored");
        assertEquals("volumeMl", assertThrows(DomainError.class, () -> Administration.record(DoseKind.DISPENSED,
                details(Route.NASAL, null, "1.0", Purpose.WELLNESS, null, null, null), List.of(scanned(nasal)), List.of(), "nurse.ito", NOW, SHIFT)).field());
        assertEquals("route", assertThrows(DomainError.class, () -> Administration.record(DoseKind.DISPENSED,
                details(Route.IV_DRIP, null, null, Purpose.WELLNESS, null, null, null), List.of(scanned(nasal)), List.of(), "nurse.ito", NOW, SHIFT)).field());
    }
}
