package org.exotrace.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Appends audit entries inside the caller's transaction, so an entry exists exactly when the change
 * it describes was committed. Writers take no lock and do not wait for each other: the entry is sealed
 * after its commit by {@link AuditSealer} (docs/adr/0038), and is visible as unsealed until then.
 */
@ApplicationScoped
public class AuditTrail {

    /**
     * The largest change an entry holds, in UTF-8 bytes (also a SQL {@code CHECK}, V17). Entries are append-only and
     * can never be removed, so a change that input made large (a 20 MB number) would stay for ever; entries describe
     * with counts and ids, and the largest legitimate one is well under 2 KiB.
     */
    public static final int MAX_CHANGE_BYTES = 16 * 1024;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String subjectType, String subjectId, JsonObject change) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String text = change.toString();
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_CHANGE_BYTES) {
            throw new IllegalStateException(action + " of " + subjectType + " would write an audit entry of " + bytes
                    + " bytes, over " + MAX_CHANGE_BYTES + ": bound the input it records");
        }
        String digest = AuditHash.sha256(text);
        em.createNativeQuery("INSERT INTO audit_entry (recorded_at, actor, action, subject_type, subject_id, change, digest)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, Timestamp.from(at))
                .setParameter(2, actor)
                .setParameter(3, action)
                .setParameter(4, subjectType)
                .setParameter(5, subjectId)
                .setParameter(6, text)
                .setParameter(7, digest)
                .executeUpdate();
    }
}
