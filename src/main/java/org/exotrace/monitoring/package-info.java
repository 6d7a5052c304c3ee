/**
 * What operators scrape at {@code GET /metrics} (MicroProfile Metrics, Prometheus text): bedside verdicts by
 * verdict and reason, doses recorded, QA decisions on lots, lots by status and vials on hand, temperature excursions
 * announced and open and the vials they hold, request latency per
 * endpoint and the datasource's pool. README's "Metrics" section lists every name.
 *
 * <p>Rules it keeps: a change is counted only after its transaction committed (a refused or rolled-back dose is
 * not counted); gauges read the database at most once per {@code exotrace.metrics.stock-cache} however often
 * Prometheus scrapes.
 */
package org.exotrace.monitoring;
