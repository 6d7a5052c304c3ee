/**
 * The audit trail: one append-only entry for every change of state in the service (who, when, what,
 * on which subject, and a SHA-256 digest of the change), sealed so that whoever can write to the
 * database cannot rewrite, remove or cut off entries unnoticed (docs/adr/0038). PostgreSQL refuses
 * UPDATE, DELETE and TRUNCATE on the entries, seals and checkpoints (V1, V21).
 *
 * <p>Writers ({@code AuditTrail}) append inside their own transaction and wait for nobody. The sealer
 * ({@code AuditSealer}, one pass at a time anywhere) gives committed entries their position and a keyed
 * seal chained over the one before, with a key kept outside the database, and signs a checkpoint that it
 * also appends to the export file. {@code GET /api/audit} shows whether an entry is sealed yet;
 * {@code GET /api/audit/verify} ({@code SealVerifier}, also the command line's {@code --verify-audit})
 * recomputes every seal and checks every checkpoint, naming the entry where it breaks.
 *
 * <p>Rules: 21 CFR Part 11 §11.10(e) style audit trail (secure, computer-generated, time-stamped,
 * never obscuring earlier entries).
 */
package org.exotrace.audit;
