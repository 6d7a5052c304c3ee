/**
 * What every capability stands on: the JAX-RS application, the datasource and its Flyway
 * migrations, the read lane ({@code control.Reads}: rows into records by column name, ADR 0036), health checks, RFC 9457 problem details and request ids, paging, and the clock.
 *
 * <p>Rules it enforces: the schema is owned by the SQL in {@code sql/} (JPA generates nothing);
 * readiness is DOWN while the database is unreachable or migrations are not applied; no stack
 * trace, SQL text or class name reaches a client; the migrations run as the schema's owner
 * ({@code exotrace.db.owner-user}) and the pool as a role that owns nothing and is granted only what the model
 * needs (docs/adr/0027).
 */
package org.exotrace.platform;
