package org.exotrace.vial.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.exotrace.lot.entity.Lot;
import org.exotrace.platform.error.DomainError;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One vial (2 cc, or a 4 cc bottle). Its state and location change only through verbs that also
 * produce the ledger row describing the change. Equal by id.
 */
@Entity
@Table(name = "vial")
public class Vial {

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "lot_id", nullable = false, updatable = false)
    private Lot lot;

    @Column(nullable = false, updatable = false)
    private String gtin;

    @Column(nullable = false, updatable = false)
    private String serial;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private VialState state;

    @Column(nullable = false)
    private String location;

    protected Vial() {
    }

    /** Moves the vial to another storage location. */
    public StockMovement moveTo(String newLocation, String actor, Instant at) {
        requireInStock("move");
        if (newLocation.equals(location)) {
            throw DomainError.conflict("ALREADY_THERE", "vial " + serial + " is already at " + location);
        }
        String from = location;
        location = newLocation;
        return new StockMovement(id, MovementKind.MOVED, from, newLocation, state, null, null, actor, at);
    }

    /** Takes the vial out of stock as waste, for a reason. */
    public StockMovement waste(WasteReason reason, String note, String actor, Instant at) {
        if (reason == WasteReason.RECORDED_IN_ERROR) {
            throw DomainError.invalid("reason", "RECORDED_IN_ERROR is written by a dose's correction; give the reason the vial is wasted");
        }
        requireInStock("waste");
        state = VialState.WASTED;
        return new StockMovement(id, MovementKind.WASTED, location, null, state, reason.name(), note, actor, at);
    }

    /**
     * The vial was given to a patient; {@code remainder} (ml, may be zero) was left in it and wasted.
     */
    public StockMovement administer(String patientRef, BigDecimal remainder, String actor, Instant at) {
        requireInStock("administer");
        state = VialState.ADMINISTERED;
        boolean partial = remainder.signum() > 0;
        return new StockMovement(id, MovementKind.ADMINISTERED, location, null, state,
                partial ? WasteReason.PARTIAL_USE_REMAINDER.name() : null,
                "dose " + patientRef + (partial ? "; " + remainder.toPlainString() + " ml remainder wasted" : ""), actor, at);
    }

    /** The vial was handed to a patient for home use. */
    public StockMovement dispense(String patientRef, String actor, Instant at) {
        requireInStock("dispense");
        state = VialState.DISPENSED;
        return new StockMovement(id, MovementKind.DISPENSED, location, null, state, null, "dose " + patientRef, actor, at);
    }

    /** A physical count did not find this vial where the records put it: it leaves stock as missing. */
    public StockMovement missingAtCount(String actor, Instant at) {
        requireInStock("count");
        state = VialState.WASTED;
        return new StockMovement(id, MovementKind.COUNT_ADJUSTED, location, null, state, WasteReason.MISSING_AT_COUNT.name(),
                null, actor, at);
    }

    /** A physical count found this vial in stock at another location than recorded: the record follows the shelf. */
    public StockMovement foundAtCount(String countedLocation, String actor, Instant at) {
        requireInStock("count");
        String from = location;
        location = countedLocation;
        return new StockMovement(id, MovementKind.COUNT_ADJUSTED, from, countedLocation, state, "FOUND_AT_COUNT", null, actor, at);
    }

    /**
     * The dose that took this vial out of stock ({@code out}, its ADMINISTERED or DISPENSED row) is voided: a vial never
     * opened goes back to stock where it was taken from, an opened one is wasted as RECORDED_IN_ERROR. Back in stock,
     * a vial is what its lot makes it: one of a recalled, rejected or expired lot is blocked at every scan.
     */
    public StockMovement voidDose(StockMovement out, boolean opened, String reason, String actor, Instant at) {
        if (!out.kind().dose() || state != out.stateAfter()) {
            throw new IllegalStateException("vial " + serial + " is " + state + ": row " + out.seq() + " did not take it out of stock");
        }
        if (opened) {
            state = VialState.WASTED;
            return new StockMovement(id, out.fromLocation().orElse(location), null, state, WasteReason.RECORDED_IN_ERROR.name(), reason,
                    actor, at, out.seq());
        }
        state = VialState.IN_STOCK;
        location = out.fromLocation().orElse(location);
        return new StockMovement(id, null, location, state, null, reason, actor, at, out.seq());
    }

    /**
     * Reverses {@code last}, the vial's latest ledger row, for a reason: the vial goes back to the state and place that
     * {@code before}, the row before it, left it in. A waste, a move, a count's adjustment and a reversal of those can be
     * reversed; a receipt cannot, and a dose only through its correction.
     */
    public StockMovement reverse(StockMovement last, StockMovement before, String reason, String actor, Instant at) {
        if (last.kind() == MovementKind.RECEIVED) {
            throw DomainError.conflict("NOT_REVERSIBLE", "row " + last.seq() + " received vial " + serial
                    + ": a receipt is not reversed; waste the vial if it never arrived");
        }
        if (last.kind().dose() || before.stateAfter().given()) {
            throw DomainError.conflict("NOT_REVERSIBLE", "row " + last.seq() + " of vial " + serial
                    + " belongs to a dose: correct the dose (POST /api/administrations/{administrationId}/corrections)");
        }
        String from = location;
        state = before.stateAfter();
        location = before.locationAfter();
        // back to WASTED (a reversal reversed): the waste's reason again, so that the wastage report counts it as before
        return new StockMovement(id, from, location, state, state == VialState.WASTED ? before.reason().orElse(null) : null, reason, actor, at,
                last.seq());
    }

    public boolean inStock() {
        return state == VialState.IN_STOCK;
    }

    private void requireInStock(String verb) {
        if (state != VialState.IN_STOCK) {
            throw DomainError.conflict("VIAL_NOT_IN_STOCK", "cannot " + verb + " vial " + serial + ": it is " + state);
        }
    }

    public UUID id() {
        return id;
    }

    public Lot lot() {
        return lot;
    }

    public String gtin() {
        return gtin;
    }

    public String serial() {
        return serial;
    }

    public VialState state() {
        return state;
    }

    public String location() {
        return location;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vial other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
