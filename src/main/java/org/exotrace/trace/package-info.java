/**
 * Traceability: following a lot forwards to the patients who received it and a patient backwards to
 * the lots, and QA's lot report ({@code GET /api/lots/{lotNumber}/report}, JSON, CSV or PDF). It reads
 * what {@code lot}, {@code qc}, {@code vial} and {@code bedside} recorded and writes nothing.
 *
 * <p>Rules: the report lists every vial of the lot used in a dose (administered or dispensed), with
 * the patient, nurse, time, route, volume and whether the vial was scanned (a dose recorded without a
 * scan is shown as such); it checks the stock ledger's received count against the vials' states
 * (received = on hand + administered + dispensed + wasted) and states the result, never hides it;
 * expired vials are the on-hand ones past the lot's expiry in the clinic's time zone.
 */
package org.exotrace.trace;
