package org.exotrace.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One entry of the audit trail, as read back. Entries are written only by
 * {@link org.exotrace.audit.control.AuditTrail} (native insert); this mapping never inserts or updates.
 * {@code prevHash} and {@code hash} are the old hash chain's, on entries written before V21 (null after);
 * the seal of every entry is in {@code audit_seal} (docs/adr/0038).
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    private Long seq;

    @Column(name = "recorded_at", insertable = false, updatable = false)
    private Instant recordedAt;

    @Column(insertable = false, updatable = false)
    private String actor;

    @Column(insertable = false, updatable = false)
    private String action;

    @Column(name = "subject_type", insertable = false, updatable = false)
    private String subjectType;

    @Column(name = "subject_id", insertable = false, updatable = false)
    private String subjectId;

    @Column(insertable = false, updatable = false)
    private String change;

    @Column(insertable = false, updatable = false)
    private String digest;

    @Column(name = "prev_hash", insertable = false, updatable = false)
    private String prevHash;

    @Column(insertable = false, updatable = false)
    private String hash;

    protected AuditEntry() {
    }

    public long seq() {
        return seq;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String subjectType() {
        return subjectType;
    }

    public String subjectId() {
        return subjectId;
    }

    public String change() {
        return change;
    }

    public String digest() {
        return digest.trim();
    }

    public String prevHash() {
        return prevHash == null ? null : prevHash.trim();
    }

    public String hash() {
        return hash == null ? null : hash.trim();
    }
}
