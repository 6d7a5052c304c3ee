package org.exotrace.report.control;

import org.exotrace.bedside.entity.DoseKind;
import org.exotrace.bedside.entity.InjectionSite;
import org.exotrace.bedside.entity.Purpose;
import org.exotrace.catalog.entity.Route;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The provision records of a period for a regulator: every dose given or dispensed, by product and
 * route, with the patient, purpose, how it was given, where the product came from (lot, CPC), the
 * physician, consent, provision plan number and nurse, and a count and volume per product and route.
 */
public record RegulatoryExport(ReportPeriod period, String timeZone, int doseCount, List<Summary> summary, List<Dose> doses) {

    /**
     * One dose. A dose of several vials names each distinct product, lot and CPC once ({@code +} between
     * products, a space between lots and CPCs); {@code scanned} is true only when every vial was scanned.
     */
    public record Dose(UUID administrationId, DoseKind kind, Instant administeredAt, String patientId, String productCode,
                       String productName, String lotNumbers, String cpcCodes, int vials, Route route, InjectionSite site, String siteDetail,
                       BigDecimal volumeMl, long particles, Purpose purpose, String indication, String physician, String consentRef,
                       String provisionPlanNumber, String nurse, boolean scanned, UUID corrects, int corrections) {
    }

    public record Summary(String productCode, String productName, Route route, long doses, long vials, BigDecimal totalMl,
                          long totalParticles) {

        Summary plus(Summary o) {
            return new Summary(productCode, productName, route, doses + o.doses, vials + o.vials, totalMl.add(o.totalMl),
                    totalParticles + o.totalParticles);
        }
    }

    /** @param doses sorted by product and route (the summary keeps that order) */
    public static RegulatoryExport of(ReportPeriod period, ZoneId zone, List<Dose> doses) {
        Map<String, Summary> summary = new LinkedHashMap<>();
        doses.forEach(d -> summary.merge(d.productCode() + "\n" + d.route(), new Summary(d.productCode(), d.productName(), d.route(), 1,
                d.vials(), d.volumeMl(), d.particles()), Summary::plus));
        return new RegulatoryExport(period, zone.getId(), doses.size(), List.copyOf(summary.values()), doses);
    }
}
