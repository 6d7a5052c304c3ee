package org.exotrace.fhir.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the FHIR resources are made of, as read from the other capabilities' tables (words as stored). */
public final class FhirRows {

    private FhirRows() {
    }

    /** The lot's current (not superseded) particle count result. */
    public record ParticleCount(BigDecimal value, String unit, String judgement) {
    }

    /** One vial with its lot, product and CPC; {@code particleCount} is null while the lot has no such result. */
    public record Vial(UUID vialId, String serial, String gtin, String state, String lotNumber, String lotStatus, LocalDate expiresOn,
                       String donorSource, String productCode, String productName, BigDecimal volumeMl, long particlesPerVial,
                       String cpcCode, String cpcName, String cpcLicence, String cpcCountry, ParticleCount particleCount) {
        Vial withParticleCount(ParticleCount count) {
            return new Vial(vialId, serial, gtin, state, lotNumber, lotStatus, expiresOn, donorSource, productCode, productName, volumeMl,
                    particlesPerVial, cpcCode, cpcName, cpcLicence, cpcCountry, count);
        }
    }

    /** One vial of a dose. */
    public record DoseVial(UUID vialId, String serial, String lotNumber, String gtin, String productCode, String productName,
                           BigDecimal volumeMl) {
    }

    /** One dose, with its vials in the order they were given; it {@code stands} unless it was corrected (ADR 0040). */
    public record Dose(UUID id, String kind, String patientId, Instant administeredAt, Instant recordedAt, String route, String site,
                       String siteDetail, BigDecimal volumeMl, String purpose, String indication, String nurse, boolean stands,
                       List<DoseVial> vials) {
        Dose withVials(List<DoseVial> of) {
            return new Dose(id, kind, patientId, administeredAt, recordedAt, route, site, siteDetail, volumeMl, purpose, indication, nurse,
                    stands, of);
        }
    }

    /**
     * One vial handed to a patient for home use (a dispense of several vials is one of these per vial); it {@code stands}
     * unless its dispense was corrected.
     */
    public record Dispense(UUID vialId, UUID administrationId, String patientId, Instant handedOverAt, String route, BigDecimal volumeMl,
                           String nurse, String serial, String lotNumber, String productName, boolean stands) {
    }

    /** A page of a search: the rows and how many match in all. */
    public record Page<T>(List<T> rows, long total) {
    }
}
