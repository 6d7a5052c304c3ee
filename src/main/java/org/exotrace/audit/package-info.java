/**
 * The audit trail: one append-only entry for every change of state in the service (who, when, what,
 * on which subject, and a SHA-256 digest of the change), each carrying the hash of the one before
 * it, so that a rewritten, removed or inserted entry is detected. PostgreSQL refuses UPDATE, DELETE
 * and TRUNCATE on the table (trigger in {@code V1__users_and_audit.sql}).
 *
 * <p>Rules: 21 CFR Part 11 §11.10(e) style audit trail (secure, computer-generated, time-stamped,
 * never obscuring earlier entries); appends are serialised by a transaction-scoped advisory lock so
 * the chain has no forks.
 */
package org.exotrace.audit;
