package org.exotrace.audit.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Proves the sealed audit trail intact over plain JDBC, so that the service ({@code GET /api/audit/verify}), the command
 * line ({@code --verify-audit}, no service running) and the tests (inside a transaction they roll back) run the same
 * check (docs/adr/0038). It recomputes every entry's leaf and the keyed chain of seals in position order, checks every
 * stored checkpoint's MAC and root, and every checkpoint held outside (the export file, or one the caller kept) against
 * the log: a rewritten entry is named by its seal, a removed one by the gap in positions, a cut-off tail by a checkpoint
 * that covers more than the log holds. Then it reads back the business rows that sealed entries describe (doses with
 * their patient and vials, their ledger rows, waste and moves, lot decisions, release signatures) and names the first
 * row that differs from what was sealed.
 */
public final class SealVerifier {

    /** What a verification found; {@code problem} and {@code firstBrokenSeq} are null when intact. */
    public record Result(boolean intact, long sealed, long unsealed, Long firstBrokenSeq, String problem, String lastSeal,
                         Checkpoint lastCheckpoint) {
    }

    static final int BATCH = 10_000;

    private final Connection db;
    private final byte[] key;

    public SealVerifier(Connection db, byte[] key) {
        this.db = db;
        this.key = key.clone();
    }

    /** Verifies the log against its own checkpoints and those given ({@code outside}: the export file's, a kept one). */
    public Result verify(List<Checkpoint> outside) throws SQLException {
        List<Checkpoint> stored = storedCheckpoints();
        Checkpoint last = stored.isEmpty() ? null : stored.get(stored.size() - 1);
        long entries = count("SELECT count(*) FROM audit_entry");
        String keyId = AuditHash.keyId(key);
        for (Checkpoint c : stored) {
            if (!keyId.equals(c.keyId())) {
                return broken(0, entries, null, "checkpoint " + c.size() + " (made " + c.madeAt() + ") was made with key " + c.keyId()
                        + ", not with the sealing key given (" + keyId + ")", null, last);
            }
            if (!c.signedBy(key)) {
                return broken(0, entries, null, "checkpoint " + c.size() + " (made " + c.madeAt() + ") is not signed by the sealing key:"
                        + " it was forged or altered in the database", null, last);
            }
        }
        for (Checkpoint c : outside) {
            if (c.mac() != null && !c.signedBy(key)) {
                return broken(0, entries, null, "the checkpoint held outside, " + c.text() + ", is not signed by the sealing key", null, last);
            }
        }
        List<Checkpoint> all = new ArrayList<>(stored);
        all.addAll(outside);
        all.sort(Comparator.comparingLong(Checkpoint::size));
        int next = 0;
        String seal = AuditHash.GENESIS;
        long position = 0;
        while (true) {
            int read = 0;
            try (PreparedStatement st = db.prepareStatement("""
                    SELECT s.position, s.seq, s.seal, e.seq, e.recorded_at, e.actor, e.action, e.subject_type, e.subject_id, e.change, e.digest
                      FROM audit_seal s LEFT JOIN audit_entry e ON e.seq = s.seq
                     WHERE s.position > ? ORDER BY s.position LIMIT ?""")) {
                st.setLong(1, position);
                st.setInt(2, BATCH);
                try (ResultSet r = st.executeQuery()) {
                    while (r.next()) {
                        read++;
                        long at = r.getLong(1);
                        long seq = r.getLong(2);
                        if (at != position + 1) {
                            return broken(position, entries, seq, (at - 1 > position + 1 ? "positions " + (position + 1) + " to " + (at - 1) + " are"
                                    : "position " + (position + 1) + " is") + " missing from the sealed log (the next is entry " + seq + " at position " + at
                                    + "): sealed entries were removed", seal, last);
                        }
                        if (r.getObject(4) == null) {
                            return broken(position, entries, seq, "entry " + seq + ", sealed at position " + at + ", is gone from audit_entry", seal, last);
                        }
                        String change = r.getString(10);
                        String digest = AuditHash.sha256(change);
                        if (!digest.equals(r.getString(11).trim())) {
                            return broken(position, entries, seq, "entry " + seq + " (position " + at + "): its recorded change does not match its"
                                    + " digest", seal, last);
                        }
                        String leaf = AuditHash.leaf(seq, r.getObject(5, OffsetDateTime.class).toInstant(), r.getString(6), r.getString(7),
                                r.getString(8), r.getString(9), digest);
                        String expected = AuditHash.seal(key, seal, at, leaf);
                        if (!expected.equals(r.getString(3).trim())) {
                            return broken(position, entries, seq, "entry " + seq + " (position " + at + "): its time, actor, action, subject or"
                                    + " change is not what was sealed: it was rewritten after sealing", seal, last);
                        }
                        seal = expected;
                        position = at;
                        while (next < all.size() && all.get(next).size() <= position) {
                            Checkpoint c = all.get(next++);
                            if (c.size() == position && !c.root().equals(seal)) {
                                return broken(position, entries, seq, "checkpoint " + c.text() + " does not match the log at position " + position
                                        + ": the entries up to it were rewritten", seal, last);
                            }
                        }
                    }
                }
            }
            if (read < BATCH) {
                break;
            }
        }
        if (next < all.size()) {
            Checkpoint c = all.get(all.size() - 1);
            return broken(position, entries, null, "the sealed log ends at position " + position + " but checkpoint " + c.size()
                    + (c.madeAt() == null ? "" : " (made " + c.madeAt() + ")") + " covers " + (c.size() - position)
                    + " more: entries were cut off its end", seal, last);
        }
        for (CrossCheck check : CROSS_CHECKS) {
            try (Statement st = db.createStatement(); ResultSet r = st.executeQuery(check.sql())) {
                if (r.next()) {
                    return broken(position, entries, r.getLong(1), "entry " + r.getLong(1) + " (" + r.getString(2) + "): "
                            + Objects.requireNonNullElse(r.getString(3), "the row it describes differs"),
                            seal, last);
                }
            }
        }
        return new Result(true, position, entries - position, null, null, seal, last);
    }

    /** A query for the first live row that differs from what a sealed entry says of it: (entry seq, action, what differs). */
    private record CrossCheck(String sql) {
    }

    /**
     * The business rows that sealed entries describe (entries of the shape the service writes them in; older shapes are
     * left alone), read back: doses with their patient and vials, the ledger rows of
     * doses, waste and moves, dose corrections, lot decisions and release signatures. Each names the row that differs.
     */
    private static final List<CrossCheck> CROSS_CHECKS = List.of(
            new CrossCheck("""
                    SELECT e.seq, e.action, CASE
                             WHEN a.id IS NULL THEN 'administration ' || e.subject_id || ' is gone'
                             ELSE 'administration ' || a.id || ' names patient ' || a.patient_id || ', the sealed entry '
                                  || (e.change::jsonb ->> 'patientId') END
                      FROM audit_entry e JOIN audit_seal s ON s.seq = e.seq
                      LEFT JOIN administration a ON a.id::text = e.subject_id
                     WHERE e.subject_type = 'administration' AND e.action IN ('DOSE_ADMINISTERED', 'DOSE_DISPENSED')
                       AND e.change::jsonb -> 'patientId' IS NOT NULL AND jsonb_typeof(e.change::jsonb -> 'vials') = 'array'
                       AND (a.id IS NULL OR a.patient_id IS DISTINCT FROM e.change::jsonb ->> 'patientId')
                     ORDER BY s.position LIMIT 1"""),
            new CrossCheck("""
                    SELECT e.seq, e.action, 'administration ' || e.subject_id || ' holds vials ' || coalesce(rows.vials, 'none')
                           || ', the sealed entry ' || coalesce(sealed.vials, 'none')
                      FROM audit_entry e JOIN audit_seal s ON s.seq = e.seq
                      CROSS JOIN LATERAL (SELECT string_agg(v ->> 'vialId', ',' ORDER BY v ->> 'vialId') AS vials
                                            FROM jsonb_array_elements(e.change::jsonb -> 'vials') v) sealed
                      CROSS JOIN LATERAL (SELECT string_agg(av.vial_id::text, ',' ORDER BY av.vial_id::text) AS vials
                                            FROM administration_vial av WHERE av.administration_id::text = e.subject_id) rows
                     WHERE e.subject_type = 'administration' AND e.action IN ('DOSE_ADMINISTERED', 'DOSE_DISPENSED')
                       AND e.change::jsonb -> 'patientId' IS NOT NULL AND jsonb_typeof(e.change::jsonb -> 'vials') = 'array'
                       AND rows.vials IS DISTINCT FROM sealed.vials
                     ORDER BY s.position LIMIT 1"""),
            new CrossCheck("""
                    SELECT e.seq, e.action, 'vial ' || (v ->> 'vialId') || ' has no ' || CASE e.action WHEN 'DOSE_DISPENSED' THEN 'DISPENSED'
                           ELSE 'ADMINISTERED' END || ' row in the stock ledger (stock_movement) for administration ' || e.subject_id
                      FROM audit_entry e JOIN audit_seal s ON s.seq = e.seq
                      CROSS JOIN LATERAL jsonb_array_elements(e.change::jsonb -> 'vials') v
                     WHERE e.subject_type = 'administration' AND e.action IN ('DOSE_ADMINISTERED', 'DOSE_DISPENSED')
                       AND e.change::jsonb -> 'patientId' IS NOT NULL AND jsonb_typeof(e.change::jsonb -> 'vials') = 'array'
                       AND NOT EXISTS (SELECT 1 FROM stock_movement m WHERE m.vial_id::text = v ->> 'vialId'
                                          AND m.kind = CASE e.action WHEN 'DOSE_DISPENSED' THEN 'DISPENSED' ELSE 'ADMINISTERED' END)
                     ORDER BY s.position LIMIT 1"""),
            new CrossCheck("""
                    SELECT e.seq, e.action, 'vial ' || e.subject_id || ' has no ' || CASE e.action WHEN 'VIAL_WASTED' THEN 'WASTED row'
                           ELSE 'MOVED row to ' || (e.change::jsonb ->> 'to') END || ' in the stock ledger (stock_movement)'
                      FROM audit_entry e JOIN audit_seal s ON s.seq = e.seq
                     WHERE e.subject_type = 'vial' AND e.action IN ('VIAL_WASTED', 'VIAL_MOVED')
                       AND (e.action = 'VIAL_WASTED' OR e.change::jsonb -> 'to' IS NOT NULL)
                       AND NOT EXISTS (SELECT 1 FROM stock_movement m WHERE m.vial_id::text = e.subject_id
                                          AND m.kind = CASE e.action WHEN 'VIAL_WASTED' THEN 'WASTED' ELSE 'MOVED' END
                                          AND (e.action = 'VIAL_WASTED' OR m.to_location = e.change::jsonb ->> 'to'))
                     ORDER BY s.position LIMIT 1"""),
            new CrossCheck("""
                    SELECT e.seq, e.action, 'correction ' || (e.change::jsonb ->> 'correctionId') || ' (' || (e.change::jsonb ->> 'action')
                           || ') of administration ' || e.subject_id || ' is not the one sealed (dose_correction)'
                      FROM audit_entry e JOIN audit_seal s ON s.seq = e.seq
                     WHERE e.subject_type = 'administration' AND e.action = 'DOSE_CORRECTED' AND e.change::jsonb -> 'correctionId' IS NOT NULL
                       AND NOT EXISTS (SELECT 1 FROM dose_correction c
                                        WHERE c.id::text = e.change::jsonb ->> 'correctionId' AND c.corrected_id::text = e.subject_id
                                          AND c.action = e.change::jsonb ->> 'action'
                                          AND c.replacement_id::text IS NOT DISTINCT FROM e.change::jsonb ->> 'replacementId')
                     ORDER BY s.position LIMIT 1"""),
            new CrossCheck("""
                    SELECT e.seq, e.action, 'lot ' || e.subject_id || ' (product ' || (e.change::jsonb ->> 'product') || ') has no decision '
                           || (e.change::jsonb ->> 'from') || ' -> ' || (e.change::jsonb ->> 'to') || ' by ' || e.actor
                           || ' with the reason sealed (lot_decision)'
                      FROM audit_entry e JOIN audit_seal s ON s.seq = e.seq
                     WHERE e.subject_type = 'lot' AND e.action IN ('LOT_RELEASED', 'LOT_REJECTED', 'LOT_RECALLED')
                       AND e.change::jsonb -> 'product' IS NOT NULL AND e.change::jsonb -> 'to' IS NOT NULL
                       AND NOT EXISTS (SELECT 1 FROM lot_decision d JOIN lot l ON l.id = d.lot_id JOIN product p ON p.id = l.product_id
                                        WHERE l.lot_number = e.subject_id AND p.code = e.change::jsonb ->> 'product'
                                          AND d.from_status = e.change::jsonb ->> 'from' AND d.to_status = e.change::jsonb ->> 'to'
                                          AND d.reason = e.change::jsonb ->> 'reason' AND d.decided_by = e.actor)
                     ORDER BY s.position LIMIT 1"""),
            new CrossCheck("""
                    SELECT e.seq, e.action, CASE WHEN g.id IS NULL THEN 'signature ' || (e.change::jsonb ->> 'signatureId') || ' is gone'
                           ELSE 'signature ' || g.id || ' by ' || g.signer || ' (' || g.meaning || ', content ' || g.content_digest
                                || ') is not the one sealed' END
                      FROM audit_entry e JOIN audit_seal s ON s.seq = e.seq
                      LEFT JOIN lot_signature g ON g.id::text = e.change::jsonb ->> 'signatureId'
                     WHERE e.subject_type = 'lot' AND e.action = 'LOT_RELEASE_SIGNED' AND e.change::jsonb -> 'signatureId' IS NOT NULL
                       AND (g.id IS NULL OR g.signer <> e.actor OR g.meaning IS DISTINCT FROM e.change::jsonb ->> 'meaning'
                            OR g.content_digest IS DISTINCT FROM e.change::jsonb ->> 'contentDigest')
                     ORDER BY s.position LIMIT 1"""));

    private static Result broken(long sealed, long entries, Long seq, String problem, String seal, Checkpoint last) {
        return new Result(false, sealed, Math.max(0, entries - sealed), seq, problem, seal, last);
    }

    List<Checkpoint> storedCheckpoints() throws SQLException {
        List<Checkpoint> found = new ArrayList<>();
        try (Statement st = db.createStatement();
             ResultSet r = st.executeQuery("SELECT size, root, made_at, mac, key_id FROM audit_checkpoint ORDER BY size")) {
            while (r.next()) {
                found.add(new Checkpoint(r.getLong(1), r.getString(2).trim(), r.getObject(3, OffsetDateTime.class).toInstant(),
                        r.getString(4).trim(), r.getString(5)));
            }
        }
        return found;
    }

    private long count(String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet r = st.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * Why the hash chain of the entries written before V21 (those with a {@code prev_hash}) is broken, or null when it
     * holds: checked once, before they are sealed, so that a chain broken before the migration is not sealed as true.
     */
    public static String legacyProblem(Connection db) throws SQLException {
        String previous = AuditHash.GENESIS;
        long after = 0;
        while (true) {
            int read = 0;
            try (PreparedStatement st = db.prepareStatement("""
                    SELECT seq, recorded_at, actor, action, subject_type, subject_id, change, digest, prev_hash, hash
                      FROM audit_entry WHERE prev_hash IS NOT NULL AND seq > ? ORDER BY seq LIMIT ?""")) {
                st.setLong(1, after);
                st.setInt(2, BATCH);
                try (ResultSet r = st.executeQuery()) {
                    while (r.next()) {
                        read++;
                        long seq = r.getLong(1);
                        Instant at = r.getObject(2, OffsetDateTime.class).toInstant();
                        String digest = r.getString(8).trim();
                        if (!r.getString(9).trim().equals(previous)) {
                            return "entry " + seq + " does not follow the entry before it: an entry was removed, inserted or reordered";
                        }
                        if (!digest.equals(AuditHash.sha256(r.getString(7)))) {
                            return "entry " + seq + ": the recorded change does not match its digest";
                        }
                        String hash = AuditHash.link(previous, at, r.getString(3), r.getString(4), r.getString(5), r.getString(6), digest);
                        if (!hash.equals(r.getString(10).trim())) {
                            return "entry " + seq + ": its time, actor, action or subject does not match its hash";
                        }
                        previous = hash;
                        after = seq;
                    }
                }
            }
            if (read < BATCH) {
                return null;
            }
        }
    }
}
