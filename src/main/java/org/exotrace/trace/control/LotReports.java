package org.exotrace.trace.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.exotrace.audit.control.AuditTrail;
import org.exotrace.bedside.entity.DoseLine;
import org.exotrace.catalog.entity.AssaySpec;
import org.exotrace.catalog.entity.DonorSource;
import org.exotrace.lot.control.Lots;
import org.exotrace.lot.entity.Expiry;
import org.exotrace.lot.entity.Lot;
import org.exotrace.lot.entity.LotDecision;
import org.exotrace.lot.entity.LotStatus;
import org.exotrace.platform.control.ReportSource;
import org.exotrace.platform.control.Reads;
import org.exotrace.qc.control.QcResults;
import org.exotrace.qc.entity.AssayResult;
import org.exotrace.qc.entity.QcReview;
import org.exotrace.qc.entity.ReleaseSignature;
import org.exotrace.vial.control.LotVials;
import org.exotrace.vial.entity.MovementKind;
import org.exotrace.vial.entity.VialState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
                            Counts counts, List<Traces.CorrectedDose> corrections, List<LotExcursion> excursions, List<DoseLine> doses) {
    }

    /**
     * The report but its doses: what is read and audited before a streamed answer begins. {@code lotId}
     * is for {@link #doses} and is not part of the report.
     */
    public record Heading(UUID lotId, String clinic, Instant generatedAt, String generatedBy, String timeZone, Identity lot,
                          Source source, List<AssayLine> assays, boolean qcPassed, List<Signature> signatures,
                          List<Decision> decisions, Counts counts, List<Traces.CorrectedDose> corrections, List<LotExcursion> excursions) {

        public LotReport with(List<DoseLine> doses) {
            return new LotReport(clinic, generatedAt, generatedBy, timeZone, lot, source, assays, qcPassed, signatures, decisions,
                    counts, corrections, excursions, doses);
        }
    }

    /**
     * A temperature excursion the lot's vials lived through: one of a storage place that holds vials of the lot
     * (coldchain's {@code lot_excursion}, V30). {@code kind} OUT_OF_RANGE (with lowest and highest, °C) or NO_READINGS;
     * open while it lasts ({@code endedAt} absent); {@code minutes} its length rounded up, until now while open (absent
     * with {@code endedAt}, and not open, when late readings no longer show an excursion starting then: its holds stand
     * until QA disposes of them). {@code heldVials}: the lot's vials it held; {@code stillHeld}: those no disposition has
     * ended; {@code dispositions}: QA's signed decisions on them, oldest first.
     */
    public record LotExcursion(String placeCode, String placeName, BigDecimal minC, BigDecimal maxC, String kind, Instant startedAt,
                               Instant endedAt, boolean open, Integer minutes, BigDecimal lowestC, BigDecimal highestC, int heldVials,
                               int stillHeld, List<ExcursionDisposition> dispositions) {
    }

    /** QA's signed disposition of an excursion as far as it concerns the lot: RELEASE or WASTE of {@code vials} of its vials. */
    public record ExcursionDisposition(UUID dispositionId, String decision, String justification, String signedBy, Instant signedAt,
                                       int vials) {
    }

    /** A row of {@code lot_excursion}. */
    private record ExcursionRow(UUID placeId, String placeCode, String placeName, BigDecimal minC, BigDecimal maxC, String kind,
                                Instant startedAt, Instant endedAt, boolean open, Integer minutes, BigDecimal lowestC, BigDecimal highestC,
                                int heldVials, int stillHeld) {
    }

    /** A row of {@code lot_excursion_disposition}. */
    private record DispositionRow(UUID placeId, String kind, Instant startedAt, UUID dispositionId, String decision, String justification,
                                  String signedBy, Instant signedAt, int vials) {
    }

    /** Receives the doses of a report one at a time, as {@link #doses} reads them. */
    @FunctionalInterface
    public interface DoseReader {
        void read(DoseLine dose) throws IOException;
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
            long expired = Expiry.passed(expiresOn, today) ? onHand : 0;
            long accounted = onHand + administered + dispensed + wasted;
            boolean balanced = received == accounted;
            String check = "received " + received + (balanced ? " = " : " != ") + "on hand " + onHand + " + administered " + administered
                    + " + dispensed " + dispensed + " + wasted " + wasted + " (= " + accounted + "): " + balanced
                    + "; expired " + expired + " of the " + onHand + " on hand";
            return new Counts(received, onHand, administered, dispensed, wasted, expired, balanced, check);
        }
    }

    @PersistenceContext
    EntityManager em;

    /** The read replica, or the primary without one (ADR 0042). */
    @Inject
    ReportSource reports;

    @Inject
    QcResults qc;

    @Inject
    Lots lots;

    @Inject
    LotVials lotVials;

    @Inject
    Traces traces;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "exotrace.clinic.name", defaultValue = "ExoTrace clinic")
    String clinic;

    /**
     * The report of the lot with this number ({@code productCode} when two products share it), whole:
     * for the PDF, which lays out every page before the first byte is sent.
     *
     * @throws org.exotrace.platform.error.DomainError NOT_FOUND when there is no such lot
     */
    @Transactional
    public LotReport report(String lotNumber, String productCode, String generatedBy) {
        QcResults.Dossier dossier = qc.dossier(lotNumber, productCode);
        List<DoseLine> doses = new ArrayList<>();
        try {
            doses(dossier.lot().id(), doses::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // adding to a list does not fail
        }
        return heading(dossier, generatedBy, doses.size()).with(doses);
    }

    /**
     * Where the recall follow-up of a recalled lot stands, for the report's PDF (the JSON and CSV readers have the
     * forward trace): each patient of its doses with their notification attempts, as the trace tallies them; empty
     * unless the lot is {@code RECALLED}.
     */
    @Transactional
    public List<Traces.Recipient> recallFollowUp(LotReport report) {
        if (report.lot().status() != LotStatus.RECALLED) {
            return List.of();
        }
        Lot lot = lots.find(report.lot().lotNumber(), report.lot().productCode()).orElseThrow();
        Traces.Recipients recipients = new Traces.Recipients();
        report.doses().forEach(recipients::add);
        return recipients.list(traces.notifications(lot.id()));
    }

    /**
     * The report of the lot but its doses, which the caller reads afterwards with {@link #doses} while it
     * writes them out: the lot is looked up (404 before any byte is sent) and the read audited here, in a
     * transaction of its own that ends when this returns. The audited dose count is the one at this moment where the dose
     * rows are read: the read replica, when there is one (ADR 0042).
     *
     * @throws org.exotrace.platform.error.DomainError NOT_FOUND when there is no such lot
     */
    @Transactional
    public Heading heading(String lotNumber, String productCode, String generatedBy) {
        QcResults.Dossier dossier = qc.dossier(lotNumber, productCode);
        long doses = Reads.first(reports.dataSource(), Long.class, "SELECT count(*) FROM dose_line WHERE lot_id = ? AND stands",
                dossier.lot().id()).orElseThrow();
        return heading(dossier, generatedBy, doses);
    }

    private Heading heading(QcResults.Dossier dossier, String generatedBy, long doses) {
        Lot lot = dossier.lot();
        QcReview review = dossier.review();
        Counts counts = Counts.of(received(lot), lotVials.counts(lot), lot.expiresOn(), LocalDate.now(clock));
        audit.record(generatedBy, "LOT_REPORT_READ", "lot", lot.lotNumber(), Json.createObjectBuilder()
                .add("product", lot.product().code()).add("doses", doses).build());
        return new Heading(lot.id(), clinic, clock.instant(), generatedBy, clock.getZone().getId(), identity(lot), source(lot),
                assayLines(lot, review), review.passed(),
                dossier.signatures().stream().map(s -> signature(s, review)).toList(),
                dossier.decisions().stream().map(LotReports::decision).toList(),
                counts, traces.corrections(lot.id()), excursions(lot.id()));
    }

    /**
     * The excursions the lot's vials lived through, oldest first, with QA's dispositions of them: read by SQL from
     * coldchain's views (V30), where the report reads its doses (ADR 0042).
     */
    public List<LotExcursion> excursions(UUID lotId) {
        List<ExcursionRow> rows = Reads.list(reports.dataSource(), ExcursionRow.class, """
                SELECT place_id, place_code, place_name, min_c, max_c, kind, started_at, ended_at, open, minutes, lowest_c, highest_c,
                       held_vials, still_held
                  FROM lot_excursion WHERE lot_id = ? ORDER BY started_at, place_code, kind""", lotId);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<DispositionRow> dispositions = Reads.list(reports.dataSource(), DispositionRow.class, """
                SELECT place_id, kind, started_at, disposition_id, decision, justification, signed_by, signed_at, vials
                  FROM lot_excursion_disposition WHERE lot_id = ? ORDER BY signed_at, disposition_id""", lotId);
        return rows.stream().map(e -> new LotExcursion(e.placeCode(), e.placeName(), e.minC(), e.maxC(), e.kind(), e.startedAt(),
                e.endedAt(), e.open(), e.minutes(), e.lowestC(), e.highestC(), e.heldVials(), e.stillHeld(), dispositions.stream()
                .filter(d -> d.placeId().equals(e.placeId()) && d.kind().equals(e.kind()) && d.startedAt().equals(e.startedAt()))
                .map(d -> new ExcursionDisposition(d.dispositionId(), d.decision(), d.justification(), d.signedBy(), d.signedAt(), d.vials()))
                .toList())).toList();
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
     * Hands every vial of the lot that went into a dose that stands (not corrected, ADR 0040) to {@code reader}, one row at a time in the order the doses were
     * given (the lot's rows of {@code dose_line}, V20), fetched as they are read, so that no list of them is held. Inside a
     * transaction ({@link #report}) the connection is the transaction's; outside one (a streamed answer) a read-only
     * transaction of its own ({@link Reads#in}).
     */
    public void doses(UUID lotId, DoseReader reader) throws IOException {
        Reads.in(reports.dataSource(), Connection.TRANSACTION_READ_COMMITTED, reads -> reads.each(DoseLine.class, """
                SELECT administration_id, kind, patient_id, administered_at, route, site, dose_volume_ml, vial_volume_ml, nurse, purpose,
                       serial, scanned, corrects
                  FROM dose_line WHERE lot_id = ? AND stands ORDER BY administered_at, serial""", reader::read, lotId));
    }
}
