package org.exotrace.catalog.entity;

/** Where the stem cells of the culture supernatant came from (由来). */
public enum DonorSource {
    DENTAL_PULP, ADIPOSE, BONE_MARROW, CORD_BLOOD, UMBILICAL_CORD
}
