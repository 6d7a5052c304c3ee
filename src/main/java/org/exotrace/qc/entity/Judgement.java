package org.exotrace.qc.entity;

/** Whether an assay result meets the product's specification. */
public enum Judgement {
    PASS, FAIL
}
