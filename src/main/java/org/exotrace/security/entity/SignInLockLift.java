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
 * An ADMIN lifted the sign-in locks on a name (at every address) or on an address: failures and locks before it
 * no longer count. Appended, never changed, like the locks it ends.
 */
@Entity
@Table(name = "sign_in_lock_lift")
public class SignInLockLift {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type", nullable = false, updatable = false)
    private SignInLock.Subject subjectType;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Column(name = "lifted_at", nullable = false, updatable = false)
    private Instant liftedAt;

    @Column(name = "lifted_by", nullable = false, updatable = false)
    private String liftedBy;

    protected SignInLockLift() {
    }

    public SignInLockLift(SignInLock.Subject subjectType, String subject, Instant liftedAt, String liftedBy) {
        this.id = UUID.randomUUID();
        this.subjectType = Objects.requireNonNull(subjectType);
        this.subject = Objects.requireNonNull(subject);
        this.liftedAt = Objects.requireNonNull(liftedAt);
        this.liftedBy = Objects.requireNonNull(liftedBy);
    }

    public Instant liftedAt() {
        return liftedAt;
    }
}
