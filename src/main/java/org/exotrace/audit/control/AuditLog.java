package org.exotrace.audit.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.exotrace.audit.entity.AuditEntry;
import org.exotrace.platform.control.DatabaseConfig;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading the audit trail, and proving it intact against its seals and checkpoints (docs/adr/0038). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AuditLog {

    /** What to look for; a null member does not filter. {@code to} is exclusive. */
    public record Filter(String subjectType, String subjectId, String actor, String action, Instant from, Instant to) {
    }

    /**
     * The outcome of a verification (docs/adr/0038). When broken, {@code firstBrokenSeq} is the entry where it shows (null
     * when no one entry is to blame: a cut-off tail, a forged checkpoint) and {@code problem} says what changed.
     * {@code entries} is the number of sealed entries verified, {@code lastHash} the last seal; {@code unsealed} the
     * entries committed but not yet sealed (sealing follows within a second); {@code checkpoint} the newest checkpoint in
     * the database as {@code size.root}, the form {@code ?checkpoint=} takes, to be kept outside.
     */
    public record Verification(boolean intact, long entries, Long firstBrokenSeq, String problem, String lastHash, Instant verifiedAt,
                               long unsealed, String checkpoint, Instant checkpointMadeAt) {
    }

    /** An entry's place in the sealed log: its position, its seal and the seal before it. */
    public record Seal(long position, String seal, String previousSeal) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditSealer sealer;

    @Resource(lookup = DatabaseConfig.JNDI_NAME)
    DataSource dataSource;

    public List<AuditEntry> search(Filter filter, int page, int size) {
        return query(filter, "SELECT e FROM AuditEntry e", " ORDER BY e.seq DESC", AuditEntry.class)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    public long count(Filter filter) {
        return query(filter, "SELECT COUNT(e) FROM AuditEntry e", "", Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> query(Filter f, String select, String order, Class<T> type) {
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> where = new ArrayList<>();
        if (f.subjectType() != null) {
            where.add("e.subjectType = :subjectType");
            params.put("subjectType", f.subjectType());
        }
        if (f.subjectId() != null) {
            where.add("e.subjectId = :subjectId");
            params.put("subjectId", f.subjectId());
        }
        if (f.actor() != null) {
            where.add("e.actor = :actor");
            params.put("actor", f.actor());
        }
        if (f.action() != null) {
            where.add("e.action = :action");
            params.put("action", f.action());
        }
        if (f.from() != null) {
            where.add("e.recordedAt >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            where.add("e.recordedAt < :to");
            params.put("to", f.to());
        }
        String jpql = select + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + order;
        TypedQuery<T> query = em.createQuery(jpql, type);
        params.forEach(query::setParameter);
        return query;
    }

    /**
     * Verifies the sealed log against its checkpoints, those exported to the checkpoint file, and {@code kept} (a
     * checkpoint's {@code size.root} held by the caller, or null).
     */
    public Verification verify(Checkpoint kept) {
        List<Checkpoint> outside = new ArrayList<>(Checkpoints.newest(sealer.checkpointFile()));
        if (kept != null) {
            outside.add(kept);
        }
        SealVerifier.Result result;
        try (Connection c = dataSource.getConnection()) {
            result = new SealVerifier(c, sealer.key()).verify(outside);
        } catch (SQLException e) {
            throw new PersistenceException("verifying the audit trail", e);
        }
        Checkpoint last = result.lastCheckpoint();
        boolean intact = result.intact() && sealer.stopped() == null;
        String problem = result.problem() != null ? result.problem() : sealer.stopped();
        return new Verification(intact, result.sealed(), result.firstBrokenSeq(), problem, result.lastSeal(), clock.instant(),
                result.unsealed(), last == null ? null : last.text(), last == null ? null : last.madeAt());
    }

    /** The seals of these entries, by entry number; an entry not yet sealed has none. */
    public Map<Long, Seal> seals(List<Long> seqs) {
        Map<Long, Seal> found = new HashMap<>();
        if (seqs.isEmpty()) {
            return found;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT s.seq, s.position, s.seal, coalesce(p.seal, ?) FROM audit_seal s
                  LEFT JOIN audit_seal p ON p.position = s.position - 1
                 WHERE s.seq = ANY (?)""")) {
            st.setString(1, AuditHash.GENESIS);
            st.setArray(2, c.createArrayOf("bigint", seqs.toArray()));
            try (ResultSet r = st.executeQuery()) {
                while (r.next()) {
                    found.put(r.getLong(1), new Seal(r.getLong(2), r.getString(3).trim(), r.getString(4).trim()));
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("reading audit seals", e);
        }
        return found;
    }
}
