package org.exotrace.trace.boundary;

import org.exotrace.bedside.entity.DoseCorrection;
import org.exotrace.bedside.entity.DoseKind;
import org.exotrace.bedside.entity.DoseLine;
import org.exotrace.bedside.entity.InjectionSite;
import org.exotrace.bedside.entity.Purpose;
import org.exotrace.catalog.entity.DonorSource;
import org.exotrace.catalog.entity.Route;
import org.exotrace.lot.entity.LotStatus;
import org.exotrace.trace.control.Traces;
import org.exotrace.trace.control.LotReports.AssayLine;
import org.exotrace.trace.control.LotReports.Counts;
import org.exotrace.trace.control.LotReports.Decision;
import org.exotrace.trace.control.LotReports.ExcursionDisposition;
import org.exotrace.trace.control.LotReports.LotExcursion;
import org.exotrace.trace.control.LotReports.Heading;
import org.exotrace.trace.control.LotReports.Identity;
import org.exotrace.trace.control.LotReports.LotReport;
import org.exotrace.trace.control.LotReports.Signature;
import org.exotrace.trace.control.LotReports.Source;
import org.exotrace.vial.entity.VialState;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A lot report built by hand, with as many doses as a test needs. */
final class LotReportFixtures {

    static final Instant AT = Instant.parse("2026-11-25T01:30:00Z");

    private LotReportFixtures() {
    }

    static LotReport report(String productName, String cpcName, int doses) {
        return heading(productName, cpcName, doses).with(doses(doses));
    }

    /** The doses of {@link #report}: one in three an injection into the face (the others have no site), one in five not scanned. */
    static List<DoseLine> doses(int doses) {
        List<DoseLine> list = new ArrayList<>();
        for (int i = 0; i < doses; i++) {
            boolean injection = i % 3 == 0;
            list.add(dose(UUID.nameUUIDFromBytes(("dose" + i).getBytes()), DoseKind.ADMINISTERED, "P-" + (1000 + i), AT.plusSeconds(60L * i),
                    injection ? Route.INJECTION : Route.IV_DRIP, injection ? InjectionSite.FACE : null, new BigDecimal("2.000"),
                    new BigDecimal("2.000"), "nurse-" + (i % 4), Purpose.WELLNESS, "NFC2611A-" + i, i % 5 != 0));
        }
        return list;
    }

    /** A dose line with the columns the lot report reads. */
    static DoseLine dose(UUID administrationId, DoseKind kind, String patientId, Instant administeredAt, Route route, InjectionSite site,
                         BigDecimal doseVolumeMl, BigDecimal vialVolumeMl, String nurse, Purpose purpose, String serial, boolean scanned) {
        return new DoseLine(administrationId, kind, patientId, administeredAt, route, site, null, nurse, purpose, null, serial, 0, scanned,
                vialVolumeMl, null, null, doseVolumeMl, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
    }

    /** The report but its doses, with counts for {@code doses} administered vials. */
    static Heading heading(String productName, String cpcName, int doses) {
        return heading(productName, cpcName, doses, List.of());
    }

    /** An excursion of a -80 °C freezer that held two vials of the lot, both released by QA. */
    static LotExcursion excursion() {
        return new LotExcursion("FREEZER-1", "-80 °C freezer, room 2", new BigDecimal("-90.0"), new BigDecimal("-60.0"), "OUT_OF_RANGE",
                AT.minusSeconds(7200), AT.minusSeconds(6600), false, 10, new BigDecimal("-55.00"), new BigDecimal("-41.50"), 2, 0,
                List.of(new ExcursionDisposition(UUID.nameUUIDFromBytes("disposition".getBytes()), "RELEASE",
                        "-41.5 °C for 10 minutes, within the CPC's stability data", "qa-ito", AT.minusSeconds(3000), 2)));
    }

    /** The report but its doses, with counts for {@code doses} administered vials and these excursions. */
    static Heading heading(String productName, String cpcName, int doses, List<LotExcursion> excursions) {
        return new Heading(UUID.nameUUIDFromBytes("lot".getBytes()), "Shibuya Regenerative Clinic", AT, "qa-ito", "Asia/Tokyo",
                new Identity("NFC2611A", "MAXNFC-2", productName, "04912345000019", LocalDate.of(2026, 11, 1), LocalDate.of(2027, 5, 31),
                        LotStatus.RELEASED, AT.minusSeconds(86_400), "inv-sato"),
                new Source("CPC-TOKYO-1", cpcName, "FA3190001", "JP", DonorSource.CORD_BLOOD),
                List.of(new AssayLine("ENDOTOXIN", "<= 0.5 EU/mL", "0.12 EU/mL", "PASS", UUID.nameUUIDFromBytes("endotoxin".getBytes()), "LAL", AT.minusSeconds(7200)),
                        new AssayLine("STERILITY", "NEGATIVE", "NEGATIVE", "PASS", UUID.nameUUIDFromBytes("sterility".getBytes()), null, null),
                        new AssayLine("MYCOPLASMA", "NEGATIVE", null, "MISSING", null, null, null)),
                false,
                List.of(new Signature("qa-ito", AT.minusSeconds(3600), "Released for clinical use: QC reviewed against specification",
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", true)),
                List.of(new Decision(LotStatus.QUARANTINED, LotStatus.RELEASED, "qa-ito", AT.minusSeconds(3600), "Released for clinical use")),
                Counts.of(doses + 3L, Map.of(VialState.IN_STOCK, 2L, VialState.ADMINISTERED, (long) doses, VialState.WASTED, 1L),
                        LocalDate.of(2027, 5, 31), LocalDate.of(2026, 11, 25)),
                doses == 0 ? List.of() : List.of(new Traces.CorrectedDose(UUID.nameUUIDFromBytes("wrong patient".getBytes()), "P-0999", "NFC2611A-0",
                        DoseCorrection.Action.REPLACE, UUID.nameUUIDFromBytes("dose0".getBytes()), AT.plusSeconds(600), "entered for the wrong patient")),
                excursions);
    }
}
