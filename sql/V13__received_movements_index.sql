-- The lot report's count of the vials the stock ledger says arrived with the lot (LotReports.received): one probe of
-- this partial index per vial of the lot, answered from the index alone. Before, each probe read the vial's ledger
-- rows from the heap through stock_movement_vial_idx and filtered them by kind: 89-180 ms for a lot of 10 000 vials
-- at 1 M doses, 26-34 ms after (docs/BENCHMARKS.md, 2026-12-03 afternoon). Only RECEIVED rows: one per vial.

CREATE INDEX stock_movement_received_vial_idx ON stock_movement (vial_id) WHERE kind = 'RECEIVED';
