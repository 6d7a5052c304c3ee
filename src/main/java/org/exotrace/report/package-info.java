/**
 * QA's reports, read-only over the other capabilities' records: stock on hand by product and
 * location with what is already expired ({@code vial}'s stock view), wastage by reason and product
 * (the stock ledger's WASTED and MISSING_AT_COUNT rows and the remainders of partly used vials),
 * scan compliance (vials recorded without a bedside scan, by nurse and ISO week), and the yearly
 * regulatory export of provision records (one row per dose, JSON or RFC 4180 CSV).
 *
 * <p>Rules: a period is given as dates in the clinic's time zone ({@code exotrace.clinic.time-zone}),
 * both ends inclusive, at most three years, defaulting to the last 30 days; instants stay UTC. A vial
 * in stock past its lot's expiry date is counted as expired (it must be wasted). Reports write nothing.
 */
package org.exotrace.report;
