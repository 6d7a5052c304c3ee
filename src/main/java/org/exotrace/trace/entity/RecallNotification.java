package org.exotrace.trace.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** One attempt to tell a patient that a lot they received was recalled. Never changed. */
@Entity
@Table(name = "recall_notification")
public class RecallNotification {

    @Id
    private UUID id;

    @Column(name = "lot_id", nullable = false, updatable = false)
    private UUID lotId;

    @Column(name = "patient_id", nullable = false, updatable = false)
    private String patientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private NotificationChannel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private NotificationOutcome outcome;

    @Column(name = "notified_at", nullable = false, updatable = false)
    private Instant notifiedAt;

    @Column(updatable = false)
    private String note;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected RecallNotification() {
    }

    /**
     * @throws IllegalArgumentException when the attempt lies in the future (beyond a few minutes of clock skew)
     */
    public RecallNotification(UUID lotId, String patientId, NotificationChannel channel, NotificationOutcome outcome, Instant notifiedAt,
                              String note, String recordedBy, Instant now) {
        if (notifiedAt.isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw new IllegalArgumentException("notifiedAt lies in the future");
        }
        this.id = UUID.randomUUID();
        this.lotId = Objects.requireNonNull(lotId);
        this.patientId = Objects.requireNonNull(patientId);
        this.channel = Objects.requireNonNull(channel);
        this.outcome = Objects.requireNonNull(outcome);
        this.notifiedAt = notifiedAt;
        this.note = note == null || note.isBlank() ? null : note.strip();
        this.recordedBy = Objects.requireNonNull(recordedBy);
        this.recordedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String patientId() {
        return patientId;
    }

    public NotificationChannel channel() {
        return channel;
    }

    public NotificationOutcome outcome() {
        return outcome;
    }

    public Instant notifiedAt() {
        return notifiedAt;
    }

    public Optional<String> note() {
        return Optional.ofNullable(note);
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
