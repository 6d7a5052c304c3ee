package org.exotrace.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A lock on signing in, as it began: on a user name at one address, or on an address (every name), until
 * when, and its level in the run (1 for the first). Never changed; a lock runs out, or an ADMIN lifts it
 * ({@link SignInLockLift}).
 */
@Entity
@Table(name = "sign_in_lock")
public class SignInLock {

    /** What is locked. */
    public enum Subject { USER, ADDRESS }

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type", nullable = false, updatable = false)
    private Subject subjectType;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Column(name = "locked_at", nullable = false, updatable = false)
    private Instant lockedAt;

    @Column(nullable = false, updatable = false)
    private Instant until;

    @Column(nullable = false, updatable = false)
    private int level;

    /** The address the lock was earned from; a lock on a name holds only for attempts from there. */
    @Column(updatable = false)
    private String address;

    protected SignInLock() {
    }

    public SignInLock(Subject subjectType, String subject, String address, Instant lockedAt, Instant until, int level) {
        if (level < 1 || !until.isAfter(lockedAt)) {
            throw new IllegalArgumentException("a lock has a level from 1 and ends after it begins");
        }
        this.id = UUID.randomUUID();
        this.subjectType = Objects.requireNonNull(subjectType);
        this.subject = Objects.requireNonNull(subject);
        this.lockedAt = lockedAt;
        this.until = until;
        this.level = level;
        this.address = Objects.requireNonNull(address);
    }

    public Subject subjectType() {
        return subjectType;
    }

    public String subject() {
        return subject;
    }

    public Instant lockedAt() {
        return lockedAt;
    }

    public Instant until() {
        return until;
    }

    public int level() {
        return level;
    }

    public String address() {
        return address;
    }
}
