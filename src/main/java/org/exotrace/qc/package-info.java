/**
 * Quality control of a lot: assay results judged against the product's specification, QA's signed
 * release, rejection and recall. A result keeps its reading, its judgement ({@code PASS}/{@code FAIL})
 * and the specification's wording at entry; a correction is a new result naming the one it
 * supersedes. A release signature keeps what it signed (ADR 0004).
 *
 * <p>Rules: limits are inclusive and a unit other than the specification's is refused (never
 * converted); a lot is released only when every required assay has a current passing result
 * (409 {@code QC_INCOMPLETE} / {@code QC_FAILED} naming them); the signer re-enters the password
 * (21 CFR 11.200(a)) and states the meaning (11.50); with {@code exotrace.release.second-signer}
 * two different QA users sign the same results; results, signatures and decisions are append-only
 * (triggers in {@code V5__qc_results_signatures_and_lot_decisions.sql}); entries and decisions on one
 * lot are serialised by a row lock on the lot. Each release, rejection and recall fires {@code LotDecided}
 * inside its transaction (the webhook outbox writes its event there, ADR 0016).
 */
package org.exotrace.qc;
