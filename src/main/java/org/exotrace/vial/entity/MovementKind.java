package org.exotrace.vial.entity;

/** The kinds of rows in the stock ledger. A REVERSED row names the row it reverses (ADR 0040). */
public enum MovementKind {
    RECEIVED, MOVED, WASTED, ADMINISTERED, DISPENSED, COUNT_ADJUSTED, REVERSED;

    /** A row that took the vial to a patient: corrected through its dose, not reversed in the ledger. */
    public boolean dose() {
        return this == ADMINISTERED || this == DISPENSED;
    }
}
