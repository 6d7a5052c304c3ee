package org.exotrace.vial.entity;

/**
 * Why a vial left stock without reaching a patient. RECORDED_IN_ERROR is written by a dose's correction only: the
 * opened vial of a dose that was not given (ADR 0040).
 */
public enum WasteReason {
    BROKEN, EXPIRED, OPENED_NOT_USED, TEMPERATURE_EXCURSION, CONTAMINATED, PARTIAL_USE_REMAINDER, MISSING_AT_COUNT, RECORDED_IN_ERROR, OTHER
}
