-- QA's reports read a period's rows: doses by when they were given (scan compliance, the regulatory
-- export, remainders wasted) and the ledger's waste rows by when they were written.

CREATE INDEX administration_at_idx ON administration (administered_at);

CREATE INDEX stock_movement_waste_at_idx ON stock_movement (at)
    WHERE kind = 'WASTED' OR (kind = 'COUNT_ADJUSTED' AND reason = 'MISSING_AT_COUNT');
