package org.exotrace.catalog.entity;

import org.exotrace.gs1.Gtin;
import org.exotrace.platform.error.DomainError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProductTest {

    private static Product product(Set<Route> routes, List<AssaySpec> specs) {
        return new Product("MAXNFC-2", "max NFC 2cc", Gtin.of("04912345000019"),
                Set.of(DonorSource.DENTAL_PULP, DonorSource.ADIPOSE, DonorSource.BONE_MARROW, DonorSource.CORD_BLOOD),
                new BigDecimal("2.0"), 780_000_000_000L, routes, specs, "qa", Instant.EPOCH);
    }

    @Test
    void aBlendIsMadeFromEachOfItsSources() {
        Product blend = product(Set.of(Route.IV_DRIP), List.of());
        assertTrue(blend.madeFrom(DonorSource.CORD_BLOOD));
        assertFalse(blend.madeFrom(DonorSource.UMBILICAL_CORD));
    }

    @Test
    void onlyNasalAndEyeDropProductsAreForHomeUse() {
        assertTrue(product(Set.of(Route.NASAL), List.of()).homeUse());
        assertFalse(product(Set.of(Route.NASAL, Route.INJECTION), List.of()).homeUse());
    }

    @Test
    void anAssaySpecifiedTwiceIsRefused() {
        var sterility = AssaySpec.qualitative("STERILITY", QualitativeOutcome.NEGATIVE);
        assertThrows(DomainError.class, () -> product(Set.of(Route.IV_DRIP), List.of(sterility, sterility)));
    }

    @Test
    void aRangeNeedsABoundAndAUnitAndMinNotAboveMax() {
        assertThrows(IllegalArgumentException.class, () -> AssaySpec.range("ENDOTOXIN", null, null, "EU/mL"));
        assertThrows(IllegalArgumentException.class, () -> AssaySpec.range("ENDOTOXIN", null, new BigDecimal("0.5"), " "));
        assertThrows(IllegalArgumentException.class, () -> AssaySpec.range("PARTICLE_COUNT", BigDecimal.TEN, BigDecimal.ONE, "particles/mL"));
    }

    @Test
    void volumeAndParticleCountMustBePositive() {
        assertThrows(DomainError.class, () -> new Product("P-1", "p", Gtin.of("04912345000019"), Set.of(DonorSource.ADIPOSE),
                BigDecimal.ZERO, 1, Set.of(Route.NASAL), List.of(), "qa", Instant.EPOCH));
        assertThrows(DomainError.class, () -> new Product("P-1", "p", Gtin.of("04912345000019"), Set.of(DonorSource.ADIPOSE),
                BigDecimal.ONE, 0, Set.of(Route.NASAL), List.of(), "qa", Instant.EPOCH));
    }
}
