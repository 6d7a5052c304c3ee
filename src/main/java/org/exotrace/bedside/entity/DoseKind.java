package org.exotrace.bedside.entity;

/** Given at the clinic, or handed to the patient for home use (nasal, eye drops). */
public enum DoseKind {
    ADMINISTERED, DISPENSED
}
