package org.exotrace.bedside.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.exotrace.platform.control.NullableUuidConverter;
import org.exotrace.platform.error.DomainError;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A dose recorded in error, corrected (ADR 0040): voided, or replaced by a new dose that says what was given. The
 * corrected dose is never changed; this row names it, and a dose is corrected at most once (the replacement may be
 * corrected in turn). Signed: the corrector entered the password again.
 */
@Entity
@Table(name = "dose_correction")
public class DoseCorrection {

    /** What the correction does to the dose. */
    public enum Action {
        /** The dose was not given: it no longer counts anywhere. */
        VOID,
        /** The dose was given otherwise (another patient, vial, volume, route, site, purpose or provision field). */
        REPLACE
    }

    @Id
    private UUID id;

    @Column(name = "corrected_id", nullable = false, updatable = false)
    private UUID correctedId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Action action;

    @Column(name = "replacement_id", updatable = false)
    @Convert(converter = NullableUuidConverter.class)
    private UUID replacementId;

    @Column(nullable = false, updatable = false)
    private String reason;

    /** Whether the vials the dose no longer uses had been opened: opened ones are wasted, the others go back to stock. */
    @Column(name = "vial_opened", nullable = false, updatable = false)
    private boolean vialOpened;

    /** A vial of the corrected dose or of its replacement is of a recalled lot: the recall's patient list changed, QA looks. */
    @Column(name = "recalled_lot", nullable = false, updatable = false)
    private boolean recalledLot;

    @Column(name = "corrected_at", nullable = false, updatable = false)
    private Instant correctedAt;

    @Column(name = "corrected_by", nullable = false, updatable = false)
    private String correctedBy;

    protected DoseCorrection() {
    }

    /**
     * A QA corrects any dose; a nurse only her own, within {@code nurseWindow} of recording it (her shift). A dose is
     * corrected once.
     */
    public static void requireMayCorrect(Administration dose, Optional<DoseCorrection> earlier, String caller, boolean qa, Instant now,
                                         Duration nurseWindow) {
        earlier.ifPresent(c -> {
            throw DomainError.conflict("DOSE_ALREADY_CORRECTED", "dose " + dose.id() + " was corrected (" + c.action() + ") by "
                    + c.correctedBy() + " at " + c.correctedAt() + c.replacementId().map(r -> ": correct its replacement " + r).orElse(""));
        });
        if (qa) {
            return;
        }
        if (!dose.nurse().equals(caller)) {
            throw DomainError.forbidden("NOT_YOUR_DOSE", "dose " + dose.id() + " was recorded by another nurse: ask QA to correct it");
        }
        if (dose.recordedAt().plus(nurseWindow).isBefore(now)) {
            throw DomainError.conflict("CORRECTION_WINDOW_PASSED", "dose " + dose.id() + " was recorded at " + dose.recordedAt()
                    + ", more than " + nurseWindow.toHours() + " h ago: ask QA to correct it");
        }
    }

    public static DoseCorrection of(Administration corrected, Optional<Administration> replacement, String reason, boolean vialOpened,
                                    boolean recalledLot, String by, Instant at) {
        if (reason == null || reason.isBlank()) {
            throw DomainError.invalid("reason", "say why the dose is corrected");
        }
        DoseCorrection c = new DoseCorrection();
        c.id = UUID.randomUUID();
        c.correctedId = corrected.id();
        c.action = replacement.isPresent() ? Action.REPLACE : Action.VOID;
        c.replacementId = replacement.map(Administration::id).orElse(null);
        c.reason = reason.strip();
        c.vialOpened = vialOpened;
        c.recalledLot = recalledLot;
        c.correctedBy = Objects.requireNonNull(by);
        c.correctedAt = at;
        return c;
    }

    public UUID id() {
        return id;
    }

    public UUID correctedId() {
        return correctedId;
    }

    public Action action() {
        return action;
    }

    public Optional<UUID> replacementId() {
        return Optional.ofNullable(replacementId);
    }

    public String reason() {
        return reason;
    }

    public boolean vialOpened() {
        return vialOpened;
    }

    public boolean recalledLot() {
        return recalledLot;
    }

    public Instant correctedAt() {
        return correctedAt;
    }

    public String correctedBy() {
        return correctedBy;
    }
}
