package org.exotrace.bedside.entity;

/** Where an injection goes; {@code siteDetail} says more (e.g. "left knee"). */
public enum InjectionSite {
    FACE, SCALP, JOINT, INTRAMUSCULAR, SUBCUTANEOUS, OTHER
}
