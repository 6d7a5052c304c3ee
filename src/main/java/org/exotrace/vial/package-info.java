/**
 * Vials and the stock ledger: every vial belongs to one lot, has a stable {@code vialId} and a serial
 * unique within its GTIN, a location and a state. Every change (received, moved, wasted, adjusted at a
 * count, later administered or dispensed) is a row appended to {@code stock_movement}, and the
 * vial's current state and location are updated from it in the same transaction. Stock views count
 * vials on hand first-expiry-first (FEFO). Receiving a lot ({@code POST /api/lots}) creates the lot, its vials and
 * their first stock movements in one transaction, and a lot's view with its vials ({@code GET /api/lots/{lotNumber}})
 * is answered here too: a vial knows its lot, a lot knows nothing of vials (docs/CAPABILITIES.md). The inventory's
 * scan ({@code POST /api/stock/scans}) reads a label with the one GS1 parser and names its vial, recording nothing; a
 * count is previewed by the count's own comparison without writing ({@code POST /api/stock/counts/preview}, ADR 0041).
 *
 * <p>Rules: movements are never updated or deleted (trigger in PostgreSQL); only a vial in stock can
 * move or be wasted; waste names a reason.
 */
package org.exotrace.vial;
