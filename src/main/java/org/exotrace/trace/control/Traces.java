package org.exotrace.trace.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.exotrace.audit.control.AuditTrail;
import org.exotrace.bedside.entity.DoseKind;
import org.exotrace.bedside.entity.InjectionSite;
import org.exotrace.bedside.entity.Purpose;
import org.exotrace.catalog.entity.DonorSource;
import org.exotrace.catalog.entity.Route;
import org.exotrace.lot.control.Lots;
import org.exotrace.lot.entity.Lot;
import org.exotrace.lot.entity.LotDecision;
import org.exotrace.lot.entity.LotStatus;
import org.exotrace.platform.control.DatabaseConfig;
import org.exotrace.platform.control.ReadOnlyReads;
import org.exotrace.platform.control.RowsAhead;
import org.exotrace.platform.problem.ProblemException;
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
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

import static org.exotrace.platform.control.NativeRows.instant;
import static org.exotrace.platform.control.NativeRows.text;
import static org.exotrace.platform.control.NativeRows.uuid;

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

    /** One vial of one dose. */
    public record Dose(UUID administrationId, DoseKind kind, String patientId, Instant administeredAt, Route route, InjectionSite site,
                       String siteDetail, BigDecimal volumeMl, String nurse, Purpose purpose, UUID vialId, String serial, boolean scanned) {
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
                            LocalDate expiresOn, Optional<LotDecision> recall, List<RecallNotification> notifications) {
    }

    /** A lot's doses and vials, read row by row from one snapshot of the database. */
    public interface Snapshot {
        /** Every vial of the lot used in a dose, in the order the doses were given. */
        void doses(RowsAhead.Sink<Dose> sink) throws IOException;

        /** Every vial of the lot by serial, with its ledger rows when the snapshot was opened with {@code history}. */
        void vials(RowsAhead.Sink<VialLine> sink) throws IOException;
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

        public void add(Dose dose) {
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

    /** One vial of a patient's dose, with everything behind it. */
    public record PatientDose(Dose dose, String lotNumber, LotStatus lotStatus, LocalDate expiresOn, DonorSource donorSource,
                              String productCode, String productName, String cpcCode, String cpcName, QcReview qc,
                              List<ReleaseSignature> signatures) {
    }

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = DatabaseConfig.JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

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
     * @throws ProblemException 404 when there is no such lot
     */
    @Transactional
    public TraceHead head(String lotNumber, String productCode, String reader) {
        Lot lot = lots.find(lotNumber, productCode).orElseThrow(() -> ProblemException.notFound("lot", lotNumber));
        List<RecallNotification> notifications = em.createQuery(
                        "SELECT n FROM RecallNotification n WHERE n.lotId = :lot ORDER BY n.notifiedAt", RecallNotification.class)
                .setParameter("lot", lot.id()).getResultList();
        Optional<LotDecision> recall = qc.decisions(lot).stream().filter(d -> d.to() == LotStatus.RECALLED).findFirst();
        Object[] counts = (Object[]) em.createNativeQuery("""
                        SELECT count(*), coalesce(sum(n), 0)
                          FROM (SELECT count(*) AS n FROM administration_vial WHERE lot_id = ?1 GROUP BY patient_id) p""")
                .setParameter(1, lot.id()).getSingleResult();
        audit.record(reader, "LOT_TRACE_READ", "lot", lot.lotNumber(), Json.createObjectBuilder()
                .add("product", lot.product().code()).add("patients", ((Number) counts[0]).longValue())
                .add("doses", ((Number) counts[1]).longValue()).build());
        return new TraceHead(lot.id(), lot.lotNumber(), lot.product().code(), lot.product().name(), lot.cpc().code(), lot.status(),
                lot.expiresOn(), recall, notifications);
    }

    /** What {@link #snapshot} reads ahead on connections of its own while the answer is written. */
    public enum ReadAhead {
        /** Nothing: the doses are read as they are written (the CSV notification list, whose rows cost little to write). */
        NONE,
        DOSES_AND_VIALS
    }

    /**
     * Opens one snapshot of the lot's doses and vials (a read-only repeatable-read transaction of its own,
     * {@link ReadOnlyReads}: this runs while a streamed answer is written, after the resource method returned)
     * and hands it to {@code reader}, which gets the rows one at a time, so that no list of them is held (the
     * vials with their ledger rows when {@code history}). The
     * doses and the vials agree with each other; a dose recorded since {@link #head} may be in them. The
     * transaction is rolled back and the connections returned whatever happens, also when the client went away.
     * <p>
     * Unless {@code ahead} is NONE, the doses and the vials are read over plain JDBC with a fetch size while the
     * answer is written: each on a connection of its own that imports this transaction's snapshot
     * ({@code pg_export_snapshot}), in a task of the managed executor ({@link RowsAhead}), so PostgreSQL finds
     * the rows and the driver decodes them on the other core while this thread writes them (ADR 0020).
     */
    public void snapshot(UUID lotId, boolean history, ReadAhead ahead, SnapshotReader reader) throws IOException {
        try {
            ReadOnlyReads.run(dataSource, Connection.TRANSACTION_REPEATABLE_READ, c -> {
                String snapshot = ahead == ReadAhead.NONE ? null : RowsAhead.exportSnapshot(c);
                try (RowsAhead<Dose> dosesAhead = snapshot == null ? null : new RowsAhead<>(executor, dataSource, snapshot,
                        (c2, sink) -> readDoses(c2, lotId, sink));
                     RowsAhead<VialLine> vialsAhead = snapshot == null ? null : new RowsAhead<>(executor, dataSource, snapshot,
                             (c2, sink) -> readVials(c2, lotId, history, sink))) {
                    reader.read(new Snapshot() {
                        @Override
                        public void doses(RowsAhead.Sink<Dose> sink) throws IOException {
                            rows(() -> {
                                if (dosesAhead == null || !dosesAhead.handOver(sink)) {
                                    readDoses(c, lotId, sink);
                                }
                            });
                        }

                        @Override
                        public void vials(RowsAhead.Sink<VialLine> sink) throws IOException {
                            rows(() -> {
                                if (vialsAhead == null || !vialsAhead.handOver(sink)) {
                                    readVials(c, lotId, history, sink);
                                }
                            });
                        }

                        private void rows(Query query) throws IOException {
                            try {
                                query.run();
                            } catch (SQLException e) {
                                throw new PersistenceException("reading the trace of lot " + lotId, e);
                            }
                        }
                    });
                }
            });
        } catch (SQLException e) {
            throw new PersistenceException("reading the trace of lot " + lotId, e);
        }
    }

    private static void readDoses(Connection c, UUID lotId, RowsAhead.Sink<Dose> sink) throws SQLException, IOException {
        read(c, LOT_DOSES, lotId, r -> sink.accept(lotDose(r)));
    }

    private static void readVials(Connection c, UUID lotId, boolean history, RowsAhead.Sink<VialLine> sink) throws SQLException, IOException {
        if (history) {
            vialsWithHistory(c, lotId, sink);
        } else {
            read(c, LOT_VIALS, lotId, r -> sink.accept(new VialLine((UUID) r.getObject(1), r.getString(2),
                    VialState.valueOf(r.getString(3)), r.getString(4), List.of())));
        }
    }

    /** The lot's vials by serial, each with its ledger rows: one query, the rows of a vial one after another. */
    private static void vialsWithHistory(Connection c, UUID lotId, RowsAhead.Sink<VialLine> sink) throws SQLException, IOException {
        VialLine[] open = {null};
        read(c, LOT_VIALS_WITH_HISTORY, lotId, r -> {
            UUID id = (UUID) r.getObject(1);
            if (open[0] != null && !open[0].vialId().equals(id)) {
                sink.accept(open[0]);
                open[0] = null;
            }
            if (open[0] == null) {
                open[0] = new VialLine(id, r.getString(2), VialState.valueOf(r.getString(3)), r.getString(4), new ArrayList<>());
            }
            if (r.getObject(5) != null) {
                open[0].history().add(new Movement(r.getLong(5), MovementKind.valueOf(r.getString(6)), r.getString(7), r.getString(8),
                        VialState.valueOf(r.getString(9)), r.getString(10), r.getTimestamp(11).toInstant(), r.getString(12)));
            }
        });
        if (open[0] != null) {
            sink.accept(open[0]);
        }
    }

    private static Dose lotDose(ResultSet r) throws SQLException {
        return new Dose((UUID) r.getObject(1), DoseKind.valueOf(r.getString(2)), r.getString(3), r.getTimestamp(4).toInstant(),
                Route.valueOf(r.getString(5)), r.getString(6) == null ? null : InjectionSite.valueOf(r.getString(6)), r.getString(7),
                r.getBigDecimal(8), r.getString(9), Purpose.valueOf(r.getString(10)), (UUID) r.getObject(11), r.getString(12),
                r.getBoolean(13));
    }

    /** Statements on a snapshot's connection. */
    private interface Query {
        void run() throws SQLException, IOException;
    }

    /** One row of a JDBC result. */
    private interface RowReader {
        void read(ResultSet row) throws SQLException, IOException;
    }

    /**
     * Reads a lot's rows over plain JDBC: at 10 000 doses the entity manager's native-query row
     * handling costs more than PostgreSQL does (bench/trace.py, docs/BENCHMARKS.md).
     */
    private static void read(Connection c, String sql, UUID lotId, RowReader reader) throws SQLException, IOException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, lotId);
            st.setFetchSize(2_000);
            try (ResultSet r = st.executeQuery()) {
                while (r.next()) {
                    reader.read(r);
                }
            }
        }
    }

    /** Records an attempt to tell a recipient of a recalled lot. */
    @Transactional
    public RecallNotification notify(String lotNumber, String productCode, String patientId, NotificationChannel channel,
                                     NotificationOutcome outcome, Instant notifiedAt, String note, String actor) {
        Lot lot = lots.find(lotNumber, productCode).orElseThrow(() -> ProblemException.notFound("lot", lotNumber));
        if (lot.status() != LotStatus.RECALLED) {
            throw ProblemException.wrongState("LOT_STATUS_CONFLICT", "lot " + lot.lotNumber() + " is " + lot.status()
                    + ": patients are notified of a RECALLED lot", lot.status().name());
        }
        Object received = em.createNativeQuery("""
                        SELECT EXISTS (SELECT 1 FROM administration_vial av JOIN administration a ON a.id = av.administration_id
                                        WHERE av.lot_id = ?1 AND a.patient_id = ?2)""")
                .setParameter(1, lot.id()).setParameter(2, patientId).getSingleResult();
        if (!Boolean.TRUE.equals(received)) {
            throw ProblemException.unprocessable("NOT_A_RECIPIENT", "patientId", "patient " + patientId + " received no vial of lot "
                    + lot.lotNumber());
        }
        Instant now = clock.instant();
        RecallNotification n;
        try {
            n = new RecallNotification(lot.id(), patientId, channel, outcome, notifiedAt == null ? now : notifiedAt, note, actor, now);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("notifiedAt", e.getMessage());
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
    public List<PatientDose> patient(String patientId, String reader) {
        Map<UUID, Lot> lotsById = new LinkedHashMap<>();
        Map<UUID, QcReview> reviews = new LinkedHashMap<>();
        Map<UUID, List<ReleaseSignature>> signatures = new LinkedHashMap<>();
        List<PatientDose> result = new ArrayList<>();
        for (Object[] r : rows(DOSES + " WHERE a.patient_id = ?1 ORDER BY a.administered_at DESC, v.serial", patientId)) {
            UUID lotId = uuid(r[13]);
            Lot lot = lotsById.computeIfAbsent(lotId, id -> em.find(Lot.class, id));
            QcReview review = reviews.computeIfAbsent(lotId, id -> QcReview.of(lot.product().requiredAssays(), qc.history(lot)));
            List<ReleaseSignature> signed = signatures.computeIfAbsent(lotId, id -> qc.signatures(lot));
            result.add(new PatientDose(dose(r), lot.lotNumber(), lot.status(), lot.expiresOn(), lot.donorSource(), lot.product().code(),
                    lot.product().name(), lot.cpc().code(), lot.cpc().name(), review, signed));
        }
        audit.record(reader, "PATIENT_DOSES_READ", "patient", patientId, Json.createObjectBuilder()
                .add("vials", result.size()).add("lots", lotsById.size()).build());
        return result;
    }

    private static final String LOT_VIALS = "SELECT id, serial, state, location FROM vial WHERE lot_id = ? ORDER BY serial";

    private static final String LOT_VIALS_WITH_HISTORY = """
            SELECT v.id, v.serial, v.state, v.location, m.seq, m.kind, m.from_location, m.to_location, m.state_after, m.reason, m.at, m.actor
              FROM vial v LEFT JOIN stock_movement m ON m.vial_id = v.id WHERE v.lot_id = ? ORDER BY v.serial, v.id, m.seq""";

    /** A lot's doses from the covering index {@code administration_vial_trace_idx} alone (V9): an index-only scan, in order. */
    private static final String LOT_DOSES = """
            SELECT administration_id, kind, patient_id, administered_at, route, site, site_detail, volume_ml, nurse, purpose,
                   vial_id, serial, scanned
              FROM administration_vial WHERE lot_id = ? ORDER BY administered_at, serial
            """;

    private static final String DOSES = """
            SELECT a.id, a.kind, a.patient_id, a.administered_at, a.route, a.site, a.site_detail, av.volume_ml, a.nurse, a.purpose,
                   av.vial_id, v.serial, av.scanned, av.lot_id
              FROM administration_vial av JOIN administration a ON a.id = av.administration_id JOIN vial v ON v.id = av.vial_id
            """;

    private static Dose dose(Object[] r) {
        return new Dose(uuid(r[0]), DoseKind.valueOf(r[1].toString()), r[2].toString(), instant(r[3]), Route.valueOf(r[4].toString()),
                r[5] == null ? null : InjectionSite.valueOf(r[5].toString()), text(r[6]), (BigDecimal) r[7], r[8].toString(),
                Purpose.valueOf(r[9].toString()), uuid(r[10]), r[11].toString(), (Boolean) r[12]);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object parameter) {
        return em.createNativeQuery(sql).setParameter(1, parameter).getResultList();
    }
}
