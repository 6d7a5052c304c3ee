package org.exotrace.catalog.entity;

/** The outcome of a qualitative assay, and what a specification may expect. */
public enum QualitativeOutcome {
    NEGATIVE, POSITIVE, CONFORMS, DOES_NOT_CONFORM
}
