/**
 * Lots: one production run of one product at one CPC, from one donor source, with manufacture and
 * expiry dates and a status ({@code QUARANTINED} on arrival; QA's release, rejection and recall move
 * it on). Receiving a lot with its vials is vial's (a vial knows its lot; a lot knows nothing of vials).
 *
 * <p>Rules: a lot number is unique per product; the donor source is one of the product's; expiry
 * follows manufacture and has not passed on arrival; vial serials are unique per GTIN; the status
 * moves only QUARANTINED → RELEASED | REJECTED and RELEASED → RECALLED, through the lot's verbs, each
 * of which leaves a {@code lot_decision} row (append-only; a trigger also refuses any other status
 * change in SQL).
 */
package org.exotrace.lot;
