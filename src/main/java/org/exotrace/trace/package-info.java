/**
 * Traceability: forward from a lot to every vial, its ledger and every dose given or dispensed from
 * it, with each patient's recall follow-up (attempts to notify, append-only); backward from a patient
 * to every dose with its vial, lot, product, donor source, CPC, QC and release signers.
 *
 * <p>Rules: a recall takes effect for every vial at once because the bedside reads the lot's status
 * (see {@code qc}); notifications are recorded only for a RECALLED lot and only for patients who
 * received it; a patient counts as reached once an attempt REACHED them.
 */
package org.exotrace.trace;
