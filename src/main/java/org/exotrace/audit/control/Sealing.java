package org.exotrace.audit.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.exotrace.platform.control.DatabaseConfig;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * One sealing pass, in a transaction of its own: the committed entries not yet sealed get the next positions in the log
 * (in the order of their numbers), their keyed seals, and one checkpoint over the whole log (docs/adr/0038). Only one
 * pass runs at a time anywhere: it holds a transaction-scoped advisory lock that writers never take, and one that finds
 * it taken does nothing (another instance is sealing). Positions are a primary key, so even a second sealer could not
 * fork the log.
 */
@ApplicationScoped
public class Sealing {

    /** Key of the advisory lock held by the sealing pass (and by nothing else). */
    static final long SEAL_LOCK = 0x45584f5345414cL;

    /** What a pass did: the checkpoint it made (null: nothing new, or another sealer held the lock), the newest entry seen. */
    public record Pass(Checkpoint checkpoint, int sealed, long lastSeq, boolean locked) {
    }

    /** Entries before V21 whose old chain is broken: they are not sealed, and nothing after them is. */
    public static class LegacyChainBroken extends RuntimeException {
        public LegacyChainBroken(String problem) {
            super(problem);
        }
    }

    @Resource(lookup = DatabaseConfig.JNDI_NAME)
    DataSource dataSource;

    /**
     * Seals up to {@code limit} entries numbered above {@code fromSeq} (the caller's window: entries below it are
     * sealed already, except those a full sweep, {@code fromSeq} 0, finds).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Pass seal(byte[] key, long fromSeq, int limit, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
                lock.setLong(1, SEAL_LOCK);
                try (ResultSet r = lock.executeQuery()) {
                    r.next();
                    if (!r.getBoolean(1)) {
                        return new Pass(null, 0, fromSeq, false);
                    }
                }
            }
            long position = 0;
            String seal = AuditHash.GENESIS;
            try (Statement st = c.createStatement();
                 ResultSet r = st.executeQuery("SELECT position, seal FROM audit_seal ORDER BY position DESC LIMIT 1")) {
                if (r.next()) {
                    position = r.getLong(1);
                    seal = r.getString(2).trim();
                }
            }
            if (position == 0) {
                // the first pass after V21: the entries of the old hash chain are verified, then sealed in the first checkpoint
                String problem = SealVerifier.legacyProblem(c);
                if (problem != null) {
                    throw new LegacyChainBroken(problem);
                }
                try (Statement st = c.createStatement(); ResultSet r = st.executeQuery("SELECT count(*) FROM audit_entry WHERE prev_hash IS NOT NULL")) {
                    r.next();
                    limit = (int) Math.min(Integer.MAX_VALUE - limit, r.getLong(1)) + limit;
                }
            }
            long lastSeq = fromSeq;
            int sealed = 0;
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT e.seq, e.recorded_at, e.actor, e.action, e.subject_type, e.subject_id, e.change FROM audit_entry e
                     WHERE e.seq > ? AND NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.seq = e.seq) ORDER BY e.seq LIMIT ?""");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO audit_seal (position, seq, seal) VALUES (?, ?, ?)")) {
                select.setLong(1, fromSeq);
                select.setInt(2, limit);
                select.setFetchSize(1000);
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        long seq = r.getLong(1);
                        String leaf = AuditHash.leaf(seq, r.getObject(2, OffsetDateTime.class).toInstant(), r.getString(3), r.getString(4),
                                r.getString(5), r.getString(6), AuditHash.sha256(r.getString(7)));
                        position++;
                        seal = AuditHash.seal(key, seal, position, leaf);
                        insert.setLong(1, position);
                        insert.setLong(2, seq);
                        insert.setString(3, seal);
                        insert.addBatch();
                        lastSeq = Math.max(lastSeq, seq);
                        if (++sealed % 1000 == 0) {
                            insert.executeBatch();
                        }
                    }
                }
                insert.executeBatch();
            }
            if (sealed == 0) {
                return new Pass(null, 0, lastSeq, true);
            }
            Instant madeAt = now.truncatedTo(ChronoUnit.MILLIS);
            Checkpoint checkpoint = new Checkpoint(position, seal, madeAt, AuditHash.checkpoint(key, position, seal, madeAt), AuditHash.keyId(key));
            try (PreparedStatement st = c.prepareStatement("INSERT INTO audit_checkpoint (size, root, made_at, mac, key_id) VALUES (?, ?, ?, ?, ?)")) {
                st.setLong(1, checkpoint.size());
                st.setString(2, checkpoint.root());
                st.setTimestamp(3, Timestamp.from(madeAt));
                st.setString(4, checkpoint.mac());
                st.setString(5, checkpoint.keyId());
                st.executeUpdate();
            }
            return new Pass(checkpoint, sealed, lastSeq, true);
        } catch (SQLException e) {
            throw new PersistenceException("sealing the audit trail", e);
        }
    }
}
