package org.exotrace.qc.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.exotrace.catalog.entity.AssaySpec;
import org.exotrace.catalog.entity.QualitativeOutcome;
import org.exotrace.lot.entity.Lot;
import org.exotrace.platform.control.NullableUuidConverter;
import org.exotrace.platform.error.DomainError;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import static org.exotrace.platform.entity.Texts.blankToNull;

/**
 * One QC assay result of a lot, judged against the product's specification when it was entered; both
 * the reading and the judgement are kept, with the specification's wording at that time. Never
 * changed: a correction is a new result that names this one in {@code supersedes}.
 */
@Entity
@Table(name = "qc_result")
public class AssayResult {

    /** How far a performed-at time may lie ahead of the server's clock (clock skew of the lab's PC). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "lot_id", nullable = false, updatable = false)
    private Lot lot;

    @Column(nullable = false, updatable = false)
    private String assay;

    @Column(updatable = false)
    private BigDecimal value;

    @Column(updatable = false)
    private String unit;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private QualitativeOutcome outcome;

    @Column(updatable = false)
    private String method;

    @Column(name = "performed_at", updatable = false)
    private Instant performedAt;

    @Column(updatable = false)
    private String performer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Judgement judgement;

    @Column(nullable = false, updatable = false)
    private String specification;

    @Column(updatable = false)
    @Convert(converter = NullableUuidConverter.class)
    private UUID supersedes;

    @Column(updatable = false)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ResultSource source;

    @Column(name = "entered_at", nullable = false, updatable = false)
    private Instant enteredAt;

    @Column(name = "entered_by", nullable = false, updatable = false)
    private String enteredBy;

    protected AssayResult() {
    }

    /**
     * Judges an entry against the specification of its assay.
     *
     * @param corrected the result the entry supersedes, when it names one
     * @throws DomainError when the entry cannot be judged as given (names the field)
     */
    public static AssayResult judge(Lot lot, AssaySpec spec, AssayEntry entry, Optional<AssayResult> corrected,
                                    ResultSource source, String enteredBy, Instant at) {
        if (!spec.assay().equals(entry.assay())) {
            throw new IllegalArgumentException("specification " + spec.assay() + " given for " + entry.assay());
        }
        Judgement judgement = Specification.judge(spec, entry.reading(), entry.where());
        if (entry.reading() instanceof Reading.Quantity) {
            if (entry.method() == null || entry.method().isBlank()) {
                throw Specification.unjudgeable("VALIDATION_FAILED", entry.where() + "method", "a quantitative result names its method (e.g. NTA, LAL, qPCR)");
            }
            if (entry.performedAt() == null) {
                throw Specification.unjudgeable("VALIDATION_FAILED", entry.where() + "performedAt", "a quantitative result says when the assay was performed");
            }
        }
        if (entry.performedAt() != null && entry.performedAt().isAfter(at.plus(CLOCK_SKEW))) {
            throw Specification.unjudgeable("VALIDATION_FAILED", entry.where() + "performedAt", entry.performedAt() + " lies in the future");
        }
        if (entry.supersedes() != null) {
            AssayResult old = corrected.filter(c -> c.id.equals(entry.supersedes())).orElseThrow(() -> Specification.unjudgeable(
                    "UNKNOWN_RESULT", entry.where() + "supersedes", "no result " + entry.supersedes() + " of lot " + lot.lotNumber()));
            if (!old.lot.equals(lot) || !old.assay.equals(entry.assay())) {
                throw Specification.unjudgeable("VALIDATION_FAILED", entry.where() + "supersedes",
                        "result " + old.id + " is " + old.assay + " of lot " + old.lot.lotNumber() + ": a correction replaces a result of the same assay and lot");
            }
            if (entry.reason() == null || entry.reason().isBlank()) {
                throw Specification.unjudgeable("VALIDATION_FAILED", entry.where() + "reason", "a correction says why the result it supersedes was wrong");
            }
        }
        AssayResult r = new AssayResult();
        r.id = UUID.randomUUID();
        r.lot = Objects.requireNonNull(lot);
        r.assay = entry.assay();
        if (entry.reading() instanceof Reading.Quantity q) {
            r.value = q.value();
            r.unit = q.unit().strip();
        } else {
            r.outcome = ((Reading.Outcome) entry.reading()).outcome();
        }
        r.method = blankToNull(entry.method());
        r.performedAt = entry.performedAt();
        r.performer = blankToNull(entry.performer());
        r.judgement = judgement;
        r.specification = spec.describe();
        r.supersedes = entry.supersedes();
        r.reason = blankToNull(entry.reason());
        r.source = Objects.requireNonNull(source);
        r.enteredBy = Objects.requireNonNull(enteredBy);
        r.enteredAt = Objects.requireNonNull(at);
        return r;
    }

    public UUID id() {
        return id;
    }

    public Lot lot() {
        return lot;
    }

    public String assay() {
        return assay;
    }

    public Optional<BigDecimal> value() {
        return Optional.ofNullable(value);
    }

    public Optional<String> unit() {
        return Optional.ofNullable(unit);
    }

    public Optional<QualitativeOutcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    public Optional<String> method() {
        return Optional.ofNullable(method);
    }

    public Optional<Instant> performedAt() {
        return Optional.ofNullable(performedAt);
    }

    public Optional<String> performer() {
        return Optional.ofNullable(performer);
    }

    public Judgement judgement() {
        return judgement;
    }

    public boolean passed() {
        return judgement == Judgement.PASS;
    }

    public String specification() {
        return specification;
    }

    public Optional<UUID> supersedes() {
        return Optional.ofNullable(supersedes);
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public ResultSource source() {
        return source;
    }

    public Instant enteredAt() {
        return enteredAt;
    }

    public String enteredBy() {
        return enteredBy;
    }

    /** The reading in words: {@code 0.21 EU/mL} or {@code NEGATIVE}. */
    public String reading() {
        return value != null ? value.toPlainString() + " " + unit : outcome.name();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AssayResult other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
