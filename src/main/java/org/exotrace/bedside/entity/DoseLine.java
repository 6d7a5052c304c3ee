package org.exotrace.bedside.entity;

import org.exotrace.catalog.entity.DonorSource;
import org.exotrace.catalog.entity.Route;
import org.exotrace.lot.entity.LotStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One vial used in a dose, with its dose, lot, product and CPC: a row of the view {@code dose_line} (V20, ADR 0036), which
 * bedside owns and the trace, the reports and FHIR read. A query that selects some of the view's columns leaves the
 * others null (false, 0). A line {@code stands} unless its dose was corrected (V26, ADR 0040): then {@code correctedBy},
 * {@code correction}, {@code replacedBy}, {@code correctedAt} and {@code correctionReason} say how; {@code corrects} is
 * the dose a replacement stands for. Readers of the facts select the lines that stand.
 */
public record DoseLine(UUID administrationId, DoseKind kind, String patientId, Instant administeredAt, Route route,
                       InjectionSite site, String siteDetail, String nurse, Purpose purpose, UUID vialId, String serial, int position,
                       boolean scanned, BigDecimal vialVolumeMl, BigDecimal remainderMl, UUID lotId, BigDecimal doseVolumeMl,
                       Long particles, String indication, Instant recordedAt, String lotNumber, LotStatus lotStatus,
                       LocalDate expiresOn, DonorSource donorSource, String productCode, String productName, String gtin,
                       String cpcCode, String cpcName, UUID correctedBy, DoseCorrection.Action correction, UUID replacedBy,
                       Instant correctedAt, String correctionReason, UUID corrects, Boolean stands) {

    /**
     * The view's {@code stands} said of a dose {@code a} (a row of {@code administration}), for readers that count doses
     * rather than lines: no correction voided or replaced it.
     */
    public static final String STANDS = "NOT EXISTS (SELECT 1 FROM dose_correction dc WHERE dc.corrected_id = a.id)";
}
