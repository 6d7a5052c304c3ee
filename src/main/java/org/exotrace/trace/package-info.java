/**
 * Traceability: forward from a lot to every vial, its ledger and every dose given or dispensed from
 * it, with each patient's recall follow-up (attempts to notify, append-only); backward from a patient
 * to every dose with its vial, lot, product, donor source, CPC, QC and release signers; and QA's lot
 * report ({@code GET /api/lots/{lotNumber}/report}: JSON, CSV or PDF), a read that records nothing.
 *
 * <p>Rules: a recall takes effect for every vial at once because the bedside reads the lot's status
 * (see {@code qc}); notifications are recorded only for a RECALLED lot and only for patients who
 * received it; a patient counts as reached once an attempt REACHED them. The lot report lists every
 * vial of the lot used in a dose, marking those recorded without a scan; it checks the stock
 * ledger's received count against the vials' states (received = on hand + administered + dispensed
 * + wasted) and states the result, never hides it; expired vials are the on-hand ones past the lot's
 * expiry in the clinic's time zone. It lists the temperature excursions the lot's vials lived through (those that held
 * them) with QA's dispositions, read from coldchain's views by SQL (ADR 0046).
 */
package org.exotrace.trace;
