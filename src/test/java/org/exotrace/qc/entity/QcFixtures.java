package org.exotrace.qc.entity;

import org.exotrace.catalog.entity.AssaySpec;
import org.exotrace.catalog.entity.CellProcessingCentre;
import org.exotrace.catalog.entity.DonorSource;
import org.exotrace.catalog.entity.Product;
import org.exotrace.catalog.entity.QualitativeOutcome;
import org.exotrace.catalog.entity.Route;
import org.exotrace.gs1.Gtin;
import org.exotrace.lot.entity.Lot;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A product with qualitative, upper-limit, lower-limit and range specifications, and a lot of it. */
final class QcFixtures {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    static final AssaySpec STERILITY = AssaySpec.qualitative("STERILITY", QualitativeOutcome.NEGATIVE);
    static final AssaySpec IDENTITY = AssaySpec.qualitative("CD63_IDENTITY", QualitativeOutcome.CONFORMS);
    static final AssaySpec ENDOTOXIN = AssaySpec.range("ENDOTOXIN", null, new BigDecimal("0.5"), "EU/mL");
    static final AssaySpec PARTICLES = AssaySpec.range("PARTICLE_COUNT", new BigDecimal("3.9E11"), null, "particles/mL");
    static final AssaySpec PROTEIN = AssaySpec.range("PROTEIN", new BigDecimal("0.10"), new BigDecimal("2.00"), "mg/mL");
    static final List<AssaySpec> SPECS = List.of(STERILITY, IDENTITY, ENDOTOXIN, PARTICLES, PROTEIN);
    static final Product PRODUCT = new Product("MAXNFC-2", "max NFC 2cc", Gtin.of("04912345000019"), Set.of(DonorSource.CORD_BLOOD),
            new BigDecimal("2.0"), 780_000_000_000L, Set.of(Route.IV_DRIP), SPECS, "qa", Instant.EPOCH);
    static final CellProcessingCentre CPC = new CellProcessingCentre("CPC-TOKYO-1", "Tokyo", "FA3190001", "JP", "qa", Instant.EPOCH);

    private QcFixtures() {
    }

    static Lot lot() {
        return Lot.receive("NFC2611A", PRODUCT, CPC, DonorSource.CORD_BLOOD, LocalDate.of(2026, 11, 1), LocalDate.of(2027, 5, 31),
                LocalDate.of(2026, 11, 24), "inv", NOW);
    }

    static AssayEntry quantity(String assay, String value, String unit) {
        return new AssayEntry(assay, new Reading.Quantity(new BigDecimal(value), unit), "NTA", NOW.minusSeconds(3600), "lab", null, null);
    }

    static AssayEntry outcome(String assay, QualitativeOutcome outcome) {
        return new AssayEntry(assay, new Reading.Outcome(outcome), null, null, null, null, null);
    }

    static AssayResult judged(Lot lot, AssaySpec spec, AssayEntry entry, Instant at) {
        return AssayResult.judge(lot, spec, entry, Optional.empty(), ResultSource.API, "qa", at);
    }

    static AssayResult correction(Lot lot, AssaySpec spec, AssayEntry entry, AssayResult corrected, Instant at) {
        AssayEntry c = new AssayEntry(entry.assay(), entry.reading(), entry.method(), entry.performedAt(), entry.performer(),
                corrected.id(), "transcription error");
        return AssayResult.judge(lot, spec, c, Optional.of(corrected), ResultSource.API, "qa", at);
    }

    /** Passing results for every assay of the product. */
    static List<AssayResult> allPassing(Lot lot) {
        return List.of(
                judged(lot, STERILITY, outcome("STERILITY", QualitativeOutcome.NEGATIVE), NOW),
                judged(lot, IDENTITY, outcome("CD63_IDENTITY", QualitativeOutcome.CONFORMS), NOW),
                judged(lot, ENDOTOXIN, quantity("ENDOTOXIN", "0.12", "EU/mL"), NOW),
                judged(lot, PARTICLES, quantity("PARTICLE_COUNT", "4.1E11", "particles/mL"), NOW),
                judged(lot, PROTEIN, quantity("PROTEIN", "0.8", "mg/mL"), NOW));
    }

    static UUID anyId() {
        return UUID.randomUUID();
    }
}
