package org.exotrace.vial.entity;

/** Why a vial left stock without reaching a patient. */
public enum WasteReason {
    BROKEN, EXPIRED, OPENED_NOT_USED, TEMPERATURE_EXCURSION, CONTAMINATED, PARTIAL_USE_REMAINDER, MISSING_AT_COUNT, OTHER
}
