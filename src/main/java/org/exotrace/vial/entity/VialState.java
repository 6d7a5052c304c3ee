package org.exotrace.vial.entity;

/** Where a vial is in its life. Only IN_STOCK vials can move, be wasted or be used. */
public enum VialState {
    IN_STOCK, ADMINISTERED, DISPENSED, WASTED
}
