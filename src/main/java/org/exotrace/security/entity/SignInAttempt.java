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

/** One sign-in attempt, as it happened; never changed (PostgreSQL refuses UPDATE and DELETE). */
@Entity
@Table(name = "sign_in_attempt")
public class SignInAttempt {

    /** What came of an attempt. */
    public enum Outcome {
        /** The password was right and a token issued. */
        SUCCEEDED,
        /** The password was checked and wrong, or the name is no active user. */
        FAILED,
        /** Refused unchecked: the name or the address was locked. */
        LOCKED
    }

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(nullable = false, updatable = false)
    private String address;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Outcome outcome;

    protected SignInAttempt() {
    }

    public SignInAttempt(String username, String address, Instant at, Outcome outcome) {
        this.id = UUID.randomUUID();
        this.username = Objects.requireNonNull(username);
        this.address = Objects.requireNonNull(address);
        this.at = Objects.requireNonNull(at);
        this.outcome = Objects.requireNonNull(outcome);
    }

    public String username() {
        return username;
    }

    public String address() {
        return address;
    }

    public Instant at() {
        return at;
    }

    public Outcome outcome() {
        return outcome;
    }
}
