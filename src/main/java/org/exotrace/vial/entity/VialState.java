package org.exotrace.vial.entity;

/** Where a vial is in its life. Only IN_STOCK vials can move, be wasted or be used. */
public enum VialState {
    IN_STOCK, ADMINISTERED, DISPENSED, WASTED;

    /** Given to a patient, at the clinic or for home use. */
    public boolean given() {
        return this == ADMINISTERED || this == DISPENSED;
    }
}
