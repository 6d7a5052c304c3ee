package org.exotrace.vial.entity;

/** The kinds of rows in the stock ledger. */
public enum MovementKind {
    RECEIVED, MOVED, WASTED, ADMINISTERED, DISPENSED, COUNT_ADJUSTED
}
