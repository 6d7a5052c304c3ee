package org.exotrace.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.exotrace.audit.entity.AuditEntry;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading the audit trail, and proving it intact by recomputing every link of the hash chain. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AuditLog {

    /** What to look for; a null member does not filter. {@code to} is exclusive. */
    public record Filter(String subjectType, String subjectId, String actor, String action, Instant from, Instant to) {
    }

    /**
     * The outcome of a verification. When broken, {@code firstBrokenSeq} is the first entry whose
     * stored hash, digest or link to its predecessor does not match, and {@code problem} says which.
     * {@code entries} and {@code lastHash} let an outside record (a printed report, a notary) anchor the
     * chain's end, which the chain alone cannot protect.
     */
    public record Verification(boolean intact, long entries, Long firstBrokenSeq, String problem, String lastHash, Instant verifiedAt) {
    }

    static final int BATCH = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

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

    /** Walks the whole chain in order, a batch at a time, and stops at the first broken link. */
    public Verification verify() {
        String previous = AuditHash.GENESIS;
        long checked = 0;
        long after = 0;
        while (true) {
            List<AuditEntry> batch = em.createQuery("SELECT e FROM AuditEntry e WHERE e.seq > :after ORDER BY e.seq", AuditEntry.class)
                    .setParameter("after", after).setMaxResults(BATCH).getResultList();
            for (AuditEntry e : batch) {
                String problem = check(e, previous);
                if (problem != null) {
                    return new Verification(false, checked, e.seq(), problem, previous, clock.instant());
                }
                checked++;
                previous = e.hash();
                after = e.seq();
            }
            em.clear();
            if (batch.size() < BATCH) {
                return new Verification(true, checked, null, null, previous, clock.instant());
            }
        }
    }

    /** Why this entry breaks the chain after {@code previousHash}, or null when it holds. */
    static String check(AuditEntry e, String previousHash) {
        if (!e.prevHash().equals(previousHash)) {
            return "entry " + e.seq() + " does not follow the entry before it: an entry was removed, inserted or reordered";
        }
        if (!e.digest().equals(AuditHash.sha256(e.change()))) {
            return "entry " + e.seq() + ": the recorded change does not match its digest";
        }
        String expected = AuditHash.link(e.prevHash(), e.recordedAt(), e.actor(), e.action(), e.subjectType(), e.subjectId(), e.digest());
        if (!e.hash().equals(expected)) {
            return "entry " + e.seq() + ": its time, actor, action or subject does not match its hash";
        }
        return null;
    }
}
