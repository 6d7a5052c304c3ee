package org.exotrace.bedside.entity;

/** Why a vial may not be given. The words are part of the API (../shared/API.md). */
public enum Block {
    BARCODE_INVALID, UNKNOWN_VIAL, LABEL_MISMATCH, LOT_QUARANTINED, LOT_REJECTED, LOT_RECALLED, EXPIRED, ALREADY_USED, ROUTE_NOT_ALLOWED,
    /** The vial was in a storage place during a temperature excursion and QA has not disposed of it yet (ADR 0044). */
    TEMPERATURE_HOLD
}
