/**
 * The audit trail: one append-only entry for every change of state in the service (who, when, what,
 * on which subject, and a SHA-256 digest of the change), each carrying the hash of the one before
 * it, so that a rewritten, removed or inserted entry is detected. PostgreSQL refuses UPDATE, DELETE
 * and TRUNCATE on the table (trigger in {@code V1__users_and_audit.sql}).
 *
 * {@code GET /api/audit} filters the trail; {@code GET /api/audit/verify} recomputes every digest and
 * link and names the first entry that does not match. The chain cannot show that entries were cut
 * off its end: the verify answer's {@code entries} and {@code lastHash} are meant to be kept outside.
 *
 * <p>Rules: 21 CFR Part 11 §11.10(e) style audit trail (secure, computer-generated, time-stamped,
 * never obscuring earlier entries); appends are serialised by a transaction-scoped advisory lock so
 * the chain has no forks.
 */
package org.exotrace.audit;
