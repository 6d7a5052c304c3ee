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
