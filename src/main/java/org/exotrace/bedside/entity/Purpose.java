package org.exotrace.bedside.entity;

/** Why the dose is given; a therapy names its indication. */
public enum Purpose {
    THERAPY, COSMETIC, WELLNESS
}
