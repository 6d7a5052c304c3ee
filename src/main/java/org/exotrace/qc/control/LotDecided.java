package org.exotrace.qc.control;

import org.exotrace.lot.entity.LotStatus;

import java.time.Instant;

/**
 * QA released, rejected or recalled a lot. Fired synchronously inside the decision's transaction, so an observer
 * that writes (the webhook outbox) commits or rolls back with the decision itself; observers that only count it
 * (metrics) wait for the commit ({@code TransactionPhase.AFTER_SUCCESS}).
 */
public record LotDecided(String lotNumber, String productCode, String gtin, LotStatus from, LotStatus to, String reason,
                         Instant decidedAt, String decidedBy) {
}
