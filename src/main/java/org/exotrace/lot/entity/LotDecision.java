package org.exotrace.lot.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One change of a lot's status, with who decided it and why. Created by the lot's verbs; never changed. */
@Entity
@Table(name = "lot_decision")
public class LotDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long seq;

    @Column(name = "lot_id", nullable = false, updatable = false)
    private UUID lotId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", nullable = false, updatable = false)
    private LotStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, updatable = false)
    private LotStatus to;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "decided_at", nullable = false, updatable = false)
    private Instant decidedAt;

    @Column(name = "decided_by", nullable = false, updatable = false)
    private String decidedBy;

    protected LotDecision() {
    }

    LotDecision(UUID lotId, LotStatus from, LotStatus to, String reason, String decidedBy, Instant decidedAt) {
        this.lotId = lotId;
        this.from = from;
        this.to = to;
        this.reason = reason;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public UUID lotId() {
        return lotId;
    }

    public LotStatus from() {
        return from;
    }

    public LotStatus to() {
        return to;
    }

    public String reason() {
        return reason;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String decidedBy() {
        return decidedBy;
    }
}
