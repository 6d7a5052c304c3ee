package org.exotrace.trace.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.exotrace.audit.control.AuditTrail;
import org.exotrace.bedside.entity.DoseCorrection;
import org.exotrace.bedside.entity.DoseLine;
import org.exotrace.lot.control.Lots;
import org.exotrace.lot.entity.Lot;
import org.exotrace.lot.entity.LotDecision;
import org.exotrace.lot.entity.LotStatus;
import org.exotrace.platform.control.DatabaseConfig;
import org.exotrace.platform.control.Reads;
import org.exotrace.platform.error.DomainError;
import org.exotrace.qc.control.QcResults;
import org.exotrace.qc.entity.QcReview;
import org.exotrace.qc.entity.ReleaseSignature;
import org.exotrace.trace.entity.NotificationChannel;
import org.exotrace.trace.entity.NotificationOutcome;
import org.exotrace.trace.entity.RecallNotification;
import org.exotrace.vial.entity.MovementKind;
import org.exotrace.vial.entity.VialState;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Tracing a lot forward (every vial, its history, and every dose given or dispensed from it, with
 * who of the patients has been told of a recall) and a patient backward (every dose with its vial,
 * lot, product, CPC, QC and release). Each is a few indexed queries, not one per vial.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Traces {

    public record Movement(long seq, MovementKind kind, String from, String to, VialState stateAfter, String reason, Instant at, String actor) {
    }

    public record VialLine(UUID vialId, String serial, VialState state, String location, List<Movement> history) {
    }

    /** A patient who received the lot, and where the recall follow-up stands. */
    public record Recipient(String patientId, int vials, Instant lastDoseAt, int attempts, Instant lastAttemptAt,
                            NotificationOutcome lastOutcome, boolean reached) {
    }

    /**
     * What the forward trace reads and audits before its first byte: the lot (404 when there is none), its
     * recall, and the recall notifications of its patients. The doses and vials follow by {@link #snapshot}.
     */
    public record TraceHead(UUID lotId, String lotNumber, String productCode, String productName, String cpcCode, LotStatus status,
                            LocalDate expiresOn, Optional<LotDecision> recall, List<RecallNotification> notifications,
                            List<CorrectedDose> corrections) {
    }

    /**
     * A vial's line of a dose that no longer counts (ADR 0040): voided, or replaced by {@code replacedBy}. The trace, the
     * patient's doses and the lot report list them beside the doses that stand.
     */
    public record CorrectedDose(UUID administrationId, String patientId, String serial, DoseCorrection.Action correction, UUID replacedBy,
                                Instant correctedAt, String reason) {
    }

    /** How many patients a lot reached, with how many dose lines. */
    private record Reach(long patients, long doses) {
    }

    /** A lot's doses and vials, read row by row from one snapshot of the database. */
    public interface Snapshot {
        /** Every vial of the lot used in a dose, in the order the doses were given. */
        void doses(Reads.Sink<DoseLine> sink) throws IOException;

        /** Every vial of the lot by serial, with its ledger rows when the snapshot was opened with {@code history}. */
        void vials(Reads.Sink<VialLine> sink) throws IOException;
    }

    /** What is done with a snapshot while it is open. */
    @FunctionalInterface
    public interface SnapshotReader {
        void read(Snapshot snapshot) throws IOException;
    }

    /**
     * The patients of a lot, tallied from its doses as they pass by (in the order of each patient's first
     * dose), and where each one's recall follow-up stands.
     */
    public static final class Recipients {
        private static final class Tally {
            int vials;
            Instant lastDoseAt;
        }

        private final Map<String, Tally> byPatient = new LinkedHashMap<>();
        private int doses;

        public void add(DoseLine dose) {
            Tally t = byPatient.computeIfAbsent(dose.patientId(), k -> new Tally());
            t.vials++;
            if (t.lastDoseAt == null || dose.administeredAt().isAfter(t.lastDoseAt)) {
                t.lastDoseAt = dose.administeredAt();
            }
            doses++;
        }

        public int doses() {
            return doses;
        }

        public List<Recipient> list(List<RecallNotification> notifications) {
            Map<String, List<RecallNotification>> triesByPatient = triesByPatient(notifications);
            List<Recipient> recipients = new ArrayList<>(byPatient.size());
            byPatient.forEach((patient, t) -> recipients.add(recipient(patient, t.vials, t.lastDoseAt,
                    triesByPatient.getOrDefault(patient, List.of()))));
            return recipients;
        }

        /** Each notified patient's follow-up (their vials not counted), by patient. */
        public static Map<String, Recipient> followUp(List<RecallNotification> notifications) {
            Map<String, Recipient> followUp = new HashMap<>();
            triesByPatient(notifications).forEach((patient, tries) -> followUp.put(patient, recipient(patient, 0, null, tries)));
            return followUp;
        }

        private static Map<String, List<RecallNotification>> triesByPatient(List<RecallNotification> notifications) {
            Map<String, List<RecallNotification>> tries = new HashMap<>();
            notifications.forEach(n -> tries.computeIfAbsent(n.patientId(), k -> new ArrayList<>()).add(n));
            return tries;
        }

        /** The follow-up of one patient from the notifications of the lot, whatever their doses. */
        public static Recipient recipient(String patient, int vials, Instant lastDoseAt, List<RecallNotification> tries) {
            Optional<RecallNotification> last = tries.stream().reduce((a, b) -> b);
            return new Recipient(patient, vials, lastDoseAt, tries.size(), last.map(RecallNotification::notifiedAt).orElse(null),
                    last.map(RecallNotification::outcome).orElse(null),
                    tries.stream().anyMatch(n -> n.outcome() == NotificationOutcome.REACHED));
        }
    }

    /** One vial of a patient's dose, with the QC and release of its lot. */
    public record PatientDose(DoseLine dose, QcReview qc, List<ReleaseSignature> signatures) {
    }

    /** A patient's doses that stand, and the lines of their doses that were corrected. */
    public record PatientHistory(List<PatientDose> doses, List<CorrectedDose> corrections) {
    }

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = DatabaseConfig.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Lots lots;

    @Inject
    QcResults qc;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /**
     * The start of the forward trace, read by {@code reader}: it names every patient of the lot, so the read is
     * audited ({@code LOT_TRACE_READ}, with the lot's patients and doses at this moment) here, before any of it
     * is sent. The audit entry is appended last, so the audit chain's lock is held only from that one insert to
     * the commit.
     *
     * @throws DomainError NOT_FOUND when there is no such lot
     */
    /** The lot's recall notification attempts, oldest first. */
    public List<RecallNotification> notifications(UUID lotId) {
        return em.createQuery("SELECT n FROM RecallNotification n WHERE n.lotId = :lot ORDER BY n.notifiedAt", RecallNotification.class)
                .setParameter("lot", lotId).getResultList();
    }

    @Transactional
    public TraceHead head(String lotNumber, String productCode, String reader) {
        Lot lot = lots.find(lotNumber, productCode).orElseThrow(() -> DomainError.notFound("lot", lotNumber));
        List<RecallNotification> notifications = notifications(lot.id());
        Optional<LotDecision> recall = qc.decisions(lot).stream().filter(d -> d.to() == LotStatus.RECALLED).findFirst();
        Reach reach = Reads.first(dataSource, Reach.class, """
                SELECT count(*) AS patients, coalesce(sum(n), 0) AS doses
                  FROM (SELECT count(*) AS n FROM dose_line WHERE lot_id = ? AND stands GROUP BY patient_id) p""", lot.id()).orElseThrow();
        List<CorrectedDose> corrections = corrections(lot.id());
        audit.record(reader, "LOT_TRACE_READ", "lot", lot.lotNumber(), Json.createObjectBuilder()
                .add("product", lot.product().code()).add("patients", reach.patients()).add("doses", reach.doses()).build());
        return new TraceHead(lot.id(), lot.lotNumber(), lot.product().code(), lot.product().name(), lot.cpc().code(), lot.status(),
                lot.expiresOn(), recall, notifications, corrections);
    }

    /** The corrected dose lines of a lot, in the order they were corrected. */
    public List<CorrectedDose> corrections(UUID lotId) {
        return Reads.list(dataSource, CorrectedDose.class, CORRECTED + "lot_id = ? ORDER BY corrected_at, serial", lotId);
    }

    /**
     * Opens one snapshot of the lot's doses and vials (a read-only repeatable-read transaction of its own,
     * {@link Reads#in}: this runs while a streamed answer is written, after the resource method returned) and hands it to
     * {@code reader}, which gets the rows one at a time as they are fetched, so that no list of them is held (the vials
     * with their ledger rows when {@code history}). The doses and the vials agree with each other; a dose recorded since
     * {@link #head} may be in them. The transaction is rolled back whatever happens, also when the client went away.
     */
    public void snapshot(UUID lotId, boolean history, SnapshotReader reader) throws IOException {
        Reads.in(dataSource, Connection.TRANSACTION_REPEATABLE_READ, reads -> reader.read(new Snapshot() {
            @Override
            public void doses(Reads.Sink<DoseLine> sink) throws IOException {
                reads.each(DoseLine.class, LOT_DOSES, sink, lotId);
            }

            @Override
            public void vials(Reads.Sink<VialLine> sink) throws IOException {
                VialLine[] open = {null};
                reads.each(VialRow.class, history ? LOT_VIALS_WITH_HISTORY : LOT_VIALS, r -> {
                    if (open[0] != null && !open[0].vialId().equals(r.vialId())) {
                        sink.accept(open[0]);
                        open[0] = null;
                    }
                    if (open[0] == null) {
                        open[0] = new VialLine(r.vialId(), r.serial(), r.state(), r.location(), new ArrayList<>());
                    }
                    if (r.seq() != null) {
                        open[0].history().add(new Movement(r.seq(), r.kind(), r.fromLocation(), r.toLocation(), r.stateAfter(), r.reason(),
                                r.at(), r.actor()));
                    }
                }, lotId);
                if (open[0] != null) {
                    sink.accept(open[0]);
                }
            }
        }));
    }

    /** A vial of a lot, with one of its ledger rows (none when {@code seq} is null), one after another by vial. */
    private record VialRow(UUID vialId, String serial, VialState state, String location, Long seq, MovementKind kind, String fromLocation,
                           String toLocation, VialState stateAfter, String reason, Instant at, String actor) {
    }

    /** Records an attempt to tell a recipient of a recalled lot. */
    @Transactional
    public RecallNotification notify(String lotNumber, String productCode, String patientId, NotificationChannel channel,
                                     NotificationOutcome outcome, Instant notifiedAt, String note, String actor) {
        Lot lot = lots.find(lotNumber, productCode).orElseThrow(() -> DomainError.notFound("lot", lotNumber));
        if (lot.status() != LotStatus.RECALLED) {
            throw DomainError.wrongState("LOT_STATUS_CONFLICT", "lot " + lot.lotNumber() + " is " + lot.status()
                    + ": patients are notified of a RECALLED lot", lot.status().name());
        }
        Object received = em.createNativeQuery("""
                        SELECT EXISTS (SELECT 1 FROM dose_line WHERE lot_id = ?1 AND patient_id = ?2 AND stands)""")
                .setParameter(1, lot.id()).setParameter(2, patientId).getSingleResult();
        if (!Boolean.TRUE.equals(received)) {
            throw DomainError.invalid("NOT_A_RECIPIENT", "patientId", "patient " + patientId + " received no vial of lot "
                    + lot.lotNumber() + " (a corrected dose does not count)");
        }
        Instant now = clock.instant();
        RecallNotification n;
        try {
            n = new RecallNotification(lot.id(), patientId, channel, outcome, notifiedAt == null ? now : notifiedAt, note, actor, now);
        } catch (IllegalArgumentException e) {
            throw DomainError.invalid("notifiedAt", e.getMessage());
        }
        em.persist(n);
        audit.record(actor, "RECALL_NOTIFICATION_RECORDED", "lot", lot.lotNumber(), Json.createObjectBuilder()
                .add("product", lot.product().code()).add("patientId", patientId).add("channel", channel.name())
                .add("outcome", outcome.name()).add("notifiedAt", n.notifiedAt().toString()).build());
        return n;
    }

    /**
     * Every dose of a patient, read by {@code reader}: audited as {@code PATIENT_DOSES_READ} (who looked at
     * whom), with the audit entry appended after the reads, as for the forward trace.
     */
    @Transactional
    public PatientHistory patient(String patientId, String reader) {
        Map<UUID, QcReview> reviews = new LinkedHashMap<>();
        Map<UUID, List<ReleaseSignature>> signatures = new LinkedHashMap<>();
        List<PatientDose> result = new ArrayList<>();
        for (DoseLine d : Reads.list(dataSource, DoseLine.class, """
                SELECT * FROM dose_line WHERE administration_id IN (SELECT id FROM administration WHERE patient_id = ?) AND stands
                 ORDER BY administered_at DESC, serial""", patientId)) {
            if (!reviews.containsKey(d.lotId())) {
                Lot lot = em.find(Lot.class, d.lotId());
                reviews.put(d.lotId(), QcReview.of(lot.product().requiredAssays(), qc.history(lot)));
                signatures.put(d.lotId(), qc.signatures(lot));
            }
            result.add(new PatientDose(d, reviews.get(d.lotId()), signatures.get(d.lotId())));
        }
        List<CorrectedDose> corrections = Reads.list(dataSource, CorrectedDose.class, CORRECTED + "patient_id = ? ORDER BY corrected_at, serial",
                patientId);
        audit.record(reader, "PATIENT_DOSES_READ", "patient", patientId, Json.createObjectBuilder()
                .add("vials", result.size()).add("lots", reviews.size()).build());
        return new PatientHistory(result, corrections);
    }

    private static final String CORRECTED = "SELECT administration_id, patient_id, serial, correction, replaced_by, corrected_at,"
            + " correction_reason AS reason FROM dose_line WHERE NOT stands AND ";

    private static final String LOT_VIALS = "SELECT id AS vial_id, serial, state, location FROM vial WHERE lot_id = ? ORDER BY serial";

    private static final String LOT_VIALS_WITH_HISTORY = """
            SELECT v.id AS vial_id, v.serial, v.state, v.location, m.seq, m.kind, m.from_location, m.to_location, m.state_after, m.reason,
                   m.at, m.actor
              FROM vial v LEFT JOIN stock_movement m ON m.vial_id = v.id WHERE v.lot_id = ? ORDER BY v.serial, v.id, m.seq""";

    /**
     * A lot's dose lines that stand, from the covering index {@code administration_vial_trace_idx} (V9, V20), each checked
     * against the few corrections (V26).
     */
    private static final String LOT_DOSES = """
            SELECT administration_id, kind, patient_id, administered_at, route, site, site_detail, vial_volume_ml, nurse, purpose,
                   vial_id, serial, scanned, corrects
              FROM dose_line WHERE lot_id = ? AND stands ORDER BY administered_at, serial""";
}
