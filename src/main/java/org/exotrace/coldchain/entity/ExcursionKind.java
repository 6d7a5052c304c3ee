package org.exotrace.coldchain.entity;

/** What an excursion was: readings outside the place's range, or no readings for longer than the place allows. */
public enum ExcursionKind {
    OUT_OF_RANGE, NO_READINGS
}
