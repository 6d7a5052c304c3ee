package org.exotrace.vial.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One row of the append-only stock ledger. Created by a vial's verbs; never changed. */
@Entity
@Table(name = "stock_movement")
public class StockMovement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long seq;

    @Column(name = "vial_id", nullable = false, updatable = false)
    private UUID vialId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private MovementKind kind;

    @Column(name = "from_location", updatable = false)
    private String fromLocation;

    @Column(name = "to_location", updatable = false)
    private String toLocation;

    @Enumerated(EnumType.STRING)
    @Column(name = "state_after", nullable = false, updatable = false)
    private VialState stateAfter;

    @Column(updatable = false)
    private String reason;

    @Column(updatable = false)
    private String note;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(nullable = false, updatable = false)
    private String actor;

    /** The row a REVERSED row reverses (each at most once). */
    @Column(updatable = false)
    private Long reverses;

    protected StockMovement() {
    }

    StockMovement(UUID vialId, MovementKind kind, String fromLocation, String toLocation, VialState stateAfter,
                  String reason, String note, String actor, Instant at) {
        this.vialId = vialId;
        this.kind = kind;
        this.fromLocation = fromLocation;
        this.toLocation = toLocation;
        this.stateAfter = stateAfter;
        this.reason = reason;
        this.note = note;
        this.actor = actor;
        this.at = at;
    }

    StockMovement(UUID vialId, String fromLocation, String toLocation, VialState stateAfter, String reason, String note, String actor,
                  Instant at, long reverses) {
        this(vialId, MovementKind.REVERSED, fromLocation, toLocation, stateAfter, reason, note, actor, at);
        this.reverses = reverses;
    }

    public Long seq() {
        return seq;
    }

    public UUID vialId() {
        return vialId;
    }

    public MovementKind kind() {
        return kind;
    }

    public Optional<String> fromLocation() {
        return Optional.ofNullable(fromLocation);
    }

    public Optional<String> toLocation() {
        return Optional.ofNullable(toLocation);
    }

    public VialState stateAfter() {
        return stateAfter;
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public Optional<String> note() {
        return Optional.ofNullable(note);
    }

    public Instant at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public Optional<Long> reverses() {
        return Optional.ofNullable(reverses);
    }

    /** Where the vial was after this row: where it went, or where it stayed. */
    public String locationAfter() {
        return toLocation != null ? toLocation : fromLocation;
    }
}
