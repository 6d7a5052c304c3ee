/**
 * The bedside: the scan verdict ({@code POST /api/scans}) and recording doses given at the clinic or
 * dispensed for home use. Barcode parsing lives in {@code org.exotrace.gs1}, pure and framework-free, shared with catalog and lot.
 *
 * <p>Rules: a vial may be given only when its lot is RELEASED, it has not expired in the clinic's time
 * zone (on its expiry day it still may), it is in stock, its label's lot and expiry are the record's,
 * and the route is one of the product's (a dispense: a home-use route); every reason that applies is
 * named. A dose is refused for exactly the reasons a scan blocks. The vials of a dose are row-locked in
 * PostgreSQL and checked again under the lock, and {@code administration_vial.vial_id} is UNIQUE, so a
 * vial is used once however many servers race for it. A dose keeps ml and particles, whether each vial
 * was scanned, the remainder wasted, and a late entry's reason; doses are append-only (triggers in
 * {@code V6__administrations_and_dispenses.sql}). An Idempotency-Key replays the recorded dose for 24 h.
 *
 * <p>Read by others through its view {@code dose_line} (V20, {@link org.exotrace.bedside.entity.DoseLine}): what a dose
 * line is (dose, vial, lot, product, CPC) is said there once; the trace, the lot report and FHIR select from it.
 */
package org.exotrace.bedside;
