/**
 * Outbound events (webhooks): QA's release, rejection and recall of a lot, a correction that changes a recalled lot's
 * patients, and a storage place's temperature excursion opened, ended or withdrawn (coldchain's {@code ExcursionNoticed},
 * observed in the transaction that saw it; ADR 0045) are POSTed as JSON to the URLs of
 * {@code exotrace.webhook.urls}, signed with HMAC-SHA256 over the timestamp and the raw body with
 * {@code exotrace.webhook.secret}. Nothing goes out unsigned: without the secret, events are kept in the outbox
 * and the dispatcher does not start.
 *
 * <p>Rules: the event and one delivery per URL are written in the decision's own transaction (an outbox,
 * {@code webhook_event} and {@code webhook_delivery}), so a decision acknowledged to QA always has its event; a
 * dispatcher sends due deliveries afterwards, claiming them with {@code FOR UPDATE SKIP LOCKED} and a lease so that
 * instances sharing the database do not send one at the same time; a 2xx answer delivers, anything else is retried
 * with exponential backoff up to {@code exotrace.webhook.max-attempts}, after which the delivery is FAILED and stays
 * visible. Every attempt is appended to {@code webhook_attempt}. Delivery is at least once: receivers dedupe by
 * event id.
 */
package org.exotrace.webhook;
