package org.exotrace.trace.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.exotrace.audit.control.AuditTrail;
import org.exotrace.bedside.entity.DoseKind;
import org.exotrace.bedside.entity.InjectionSite;
import org.exotrace.bedside.entity.Purpose;
import org.exotrace.catalog.entity.AssaySpec;
import org.exotrace.catalog.entity.DonorSource;
import org.exotrace.catalog.entity.Route;
import org.exotrace.lot.control.Lots;
import org.exotrace.lot.entity.Lot;
import org.exotrace.lot.entity.LotDecision;
import org.exotrace.lot.entity.LotStatus;
import org.exotrace.qc.control.QcResults;
import org.exotrace.qc.entity.AssayResult;
import org.exotrace.qc.entity.QcReview;
import org.exotrace.qc.entity.ReleaseSignature;
import org.exotrace.vial.entity.MovementKind;
import org.exotrace.vial.entity.VialState;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.exotrace.platform.control.NativeRows.instant;
import static org.exotrace.platform.control.NativeRows.uuid;

/**
 * The lot report QA hands to a regulator or a CPC: what came in, what QC showed and who signed it,
 * what was decided, what is left, what was wasted, and every dose given or dispensed from the lot.
 * A read: it changes nothing, and is audited ({@code LOT_REPORT_READ}: it names the lot's patients).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LotReports {

    /** The whole report, as the JSON answer shows it and the CSV and PDF render it. */
    public record LotReport(String clinic, Instant generatedAt, String generatedBy, String timeZone, Identity lot, Source source,
                            List<AssayLine> assays, boolean qcPassed, List<Signature> signatures, List<Decision> decisions,
                            Counts counts, List<Dose> doses) {
    }

    /** Which lot this is. */
    public record Identity(String lotNumber, String productCode, String productName, String gtin, LocalDate manufacturedOn,
                           LocalDate expiresOn, LotStatus status, Instant receivedAt, String receivedBy) {
    }

    /** Where the lot came from: the CPC that made it and the donor source. */
    public record Source(String cpcCode, String cpcName, String cpcLicenceNumber, String cpcCountry, DonorSource donorSource) {
    }

    /** One required assay against the lot's current result; {@code judgement} is PASS, FAIL or MISSING. */
    public record AssayLine(String assay, String specification, String reading, String judgement, UUID resultId, String method,
                            Instant performedAt) {
    }

    /** A release signature: who, when, what it means, and the SHA-256 of the results it signed. */
    public record Signature(String signer, Instant signedAt, String meaning, String contentDigest, boolean coversCurrentResults) {
    }

    /** A change of the lot's status (release, rejection, recall): who, when and why. */
    public record Decision(LotStatus from, LotStatus to, String decidedBy, Instant decidedAt, String reason) {
    }

    /**
     * The lot's vials by where they ended. {@code received} comes from the stock ledger's RECEIVED
     * rows, the others from the vials' states, so {@code balanced} is a real check of the ledger
     * against the vials. {@code expired} is part of {@code onHand}: in stock and past expiry in the
     * clinic's zone (on its expiry day a vial has not expired).
     */
    public record Counts(long received, long onHand, long administered, long dispensed, long wasted, long expired,
                         boolean balanced, String check) {

        public static Counts of(long received, Map<VialState, Long> byState, LocalDate expiresOn, LocalDate today) {
            long onHand = byState.getOrDefault(VialState.IN_STOCK, 0L);
            long administered = byState.getOrDefault(VialState.ADMINISTERED, 0L);
            long dispensed = byState.getOrDefault(VialState.DISPENSED, 0L);
            long wasted = byState.getOrDefault(VialState.WASTED, 0L);
            long expired = today.isAfter(expiresOn) ? onHand : 0;
            long accounted = onHand + administered + dispensed + wasted;
            boolean balanced = received == accounted;
            String check = "received " + received + (balanced ? " = " : " != ") + "on hand " + onHand + " + administered " + administered
                    + " + dispensed " + dispensed + " + wasted " + wasted + " (= " + accounted + "): " + balanced
                    + "; expired " + expired + " of the " + onHand + " on hand";
            return new Counts(received, onHand, administered, dispensed, wasted, expired, balanced, check);
        }
    }

    /** One vial of this lot used in a dose: the dose's facts and the vial's. */
    public record Dose(UUID administrationId, DoseKind kind, String patientId, Instant administeredAt, Route route, InjectionSite site,
                       BigDecimal doseVolumeMl, BigDecimal vialVolumeMl, String nurse, Purpose purpose, String serial, boolean scanned) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    QcResults qc;

    @Inject
    Lots lots;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "exotrace.clinic.name", defaultValue = "ExoTrace clinic")
    String clinic;

    /**
     * The report of the lot with this number ({@code productCode} when two products share it).
     *
     * @throws org.exotrace.platform.problem.ProblemException 404 when there is no such lot
     */
    @Transactional
    public LotReport report(String lotNumber, String productCode, String generatedBy) {
        QcResults.Dossier dossier = qc.dossier(lotNumber, productCode);
        Lot lot = dossier.lot();
        QcReview review = dossier.review();
        Counts counts = Counts.of(received(lot), lots.vialCounts(lot), lot.expiresOn(), LocalDate.now(clock));
        List<Dose> doses = doses(lot);
        audit.record(generatedBy, "LOT_REPORT_READ", "lot", lot.lotNumber(), Json.createObjectBuilder()
                .add("product", lot.product().code()).add("doses", doses.size()).build());
        return new LotReport(clinic, clock.instant(), generatedBy, clock.getZone().getId(), identity(lot), source(lot),
                assayLines(lot, review), review.passed(),
                dossier.signatures().stream().map(s -> signature(s, review)).toList(),
                dossier.decisions().stream().map(LotReports::decision).toList(),
                counts, doses);
    }

    private static Identity identity(Lot l) {
        return new Identity(l.lotNumber(), l.product().code(), l.product().name(), l.product().gtin().value(), l.manufacturedOn(),
                l.expiresOn(), l.status(), l.receivedAt(), l.receivedBy());
    }

    private static Source source(Lot l) {
        return new Source(l.cpc().code(), l.cpc().name(), l.cpc().licenceNumber(), l.cpc().country(), l.donorSource());
    }

    private static List<AssayLine> assayLines(Lot lot, QcReview review) {
        return lot.product().requiredAssays().stream()
                .sorted(Comparator.comparing(AssaySpec::assay))
                .map(spec -> review.current().stream().filter(r -> r.assay().equals(spec.assay())).findFirst()
                        .map(r -> assayLine(spec, r))
                        .orElse(new AssayLine(spec.assay(), spec.describe(), null, "MISSING", null, null, null)))
                .toList();
    }

    private static AssayLine assayLine(AssaySpec spec, AssayResult r) {
        return new AssayLine(spec.assay(), spec.describe(), r.reading(), r.judgement().name(), r.id(), r.method().orElse(null),
                r.performedAt().orElse(null));
    }

    private static Signature signature(ReleaseSignature s, QcReview review) {
        return new Signature(s.signer(), s.signedAt(), s.meaning(), s.contentDigest(), s.covers(review));
    }

    private static Decision decision(LotDecision d) {
        return new Decision(d.from(), d.to(), d.decidedBy(), d.decidedAt(), d.reason());
    }

    /** The vials the stock ledger says arrived with the lot. */
    private long received(Lot lot) {
        return em.createQuery("SELECT COUNT(m) FROM StockMovement m, Vial v WHERE m.vialId = v.id AND v.lot = :lot AND m.kind = :kind",
                        Long.class)
                .setParameter("lot", lot).setParameter("kind", MovementKind.RECEIVED).getSingleResult();
    }

    /**
     * Every vial of the lot that went into a dose, in the order the doses were given: the lot's rows of
     * {@code administration_vial_trace_idx} (V9), each with its dose's total volume by primary key.
     */
    @SuppressWarnings("unchecked")
    private List<Dose> doses(Lot lot) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT av.administration_id, av.kind, av.patient_id, av.administered_at, av.route, av.site, a.volume_ml,
                               av.volume_ml, av.nurse, av.purpose, av.serial, av.scanned
                          FROM administration_vial av JOIN administration a ON a.id = av.administration_id
                         WHERE av.lot_id = ?1 ORDER BY av.administered_at, av.serial""")
                .setParameter(1, lot.id()).getResultList();
        return rows.stream()
                .map(r -> new Dose(uuid(r[0]), DoseKind.valueOf(r[1].toString()), r[2].toString(), instant(r[3]),
                        Route.valueOf(r[4].toString()), r[5] == null ? null : InjectionSite.valueOf(r[5].toString()), (BigDecimal) r[6],
                        (BigDecimal) r[7], r[8].toString(), Purpose.valueOf(r[9].toString()), r[10].toString(), (Boolean) r[11]))
                .toList();
    }
}
