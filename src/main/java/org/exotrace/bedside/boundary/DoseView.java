package org.exotrace.bedside.boundary;

import org.exotrace.bedside.control.Dosing;
import org.exotrace.bedside.entity.AdministeredVial;
import org.exotrace.bedside.entity.Administration;
import org.exotrace.bedside.entity.Caution;
import org.exotrace.bedside.entity.DoseCorrection;
import org.exotrace.bedside.entity.DoseKind;
import org.exotrace.bedside.entity.InjectionSite;
import org.exotrace.bedside.entity.Purpose;
import org.exotrace.bedside.entity.VialFacts;
import org.exotrace.catalog.entity.Route;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A recorded dose as the API answers it. */
public record DoseView(UUID administrationId, DoseKind kind, String patientId, Route route, InjectionSite site, String siteDetail,
                       BigDecimal volumeMl, long particles, Purpose purpose, String indication, String sessionRef, String physician,
                       String consentRef, String provisionPlanNumber, Instant administeredAt, Instant recordedAt, String lateEntryReason,
                       String nurse, List<Caution> warnings, List<UsedVial> vials, CorrectionView correctedBy, UUID corrects) {

    /** The correction that voided or replaced a dose (ADR 0040); the dose no longer counts, its replacement does. */
    public record CorrectionView(UUID correctionId, DoseCorrection.Action action, UUID correctedId, UUID replacementId, String reason,
                                 boolean vialOpened, boolean recalledLot, Instant correctedAt, String correctedBy) {
        static CorrectionView of(DoseCorrection c) {
            return new CorrectionView(c.id(), c.action(), c.correctedId(), c.replacementId().orElse(null), c.reason(), c.vialOpened(),
                    c.recalledLot(), c.correctedAt(), c.correctedBy());
        }
    }

    /** One vial of the dose, with what a recall needs: lot, product and CPC. */
    public record UsedVial(UUID vialId, String serial, String lotNumber, LocalDate expiresOn, String productCode, String productName,
                           String cpcCode, boolean scanned, BigDecimal volumeMl, BigDecimal remainderMl) {
    }

    static DoseView of(Dosing.Recorded r) {
        Administration a = r.dose();
        List<UsedVial> vials = a.vials().stream().map(row -> used(row, r.vials().get(row.vialId()))).toList();
        return new DoseView(a.id(), a.kind(), a.patientId(), a.route(), a.site().orElse(null), a.siteDetail().orElse(null), a.volumeMl(),
                a.particles(), a.purpose(), a.indication().orElse(null), a.sessionRef().orElse(null), a.physician().orElse(null),
                a.consentRef().orElse(null), a.provisionPlanNumber().orElse(null), a.administeredAt(), a.recordedAt(),
                a.lateEntryReason().orElse(null), a.nurse(), a.warnings(), vials, r.correctedBy().map(CorrectionView::of).orElse(null),
                r.replacing().map(DoseCorrection::correctedId).orElse(null));
    }

    private static UsedVial used(AdministeredVial row, VialFacts f) {
        return new UsedVial(row.vialId(), f.serial(), f.lotNumber(), f.expiresOn(), f.productCode(), f.productName(), f.cpcCode(),
                row.scanned(), row.volumeMl(), row.remainderMl());
    }
}
