-- The least SQL an administration needs: lock one vial still in stock (each client takes a different
-- one: SKIP LOCKED, found by vial_location_state_idx among the vials still in stock), insert the dose
-- and its vial row, and mark the vial used; one transaction.
-- The service does more in the same transaction (idempotency key, lot FOR SHARE, stock ledger row,
-- audit chain entry): bench/run reports the ratio against this floor. Variables: lot_id, tag (-D).
BEGIN;
SELECT id AS vial_id, serial FROM vial WHERE location = 'RAW-' || :tag::text AND state = 'IN_STOCK' LIMIT 1 FOR UPDATE SKIP LOCKED \gset
INSERT INTO administration (id, kind, patient_id, route, volume_ml, particles, purpose, administered_at, recorded_at, nurse, warnings)
VALUES (md5(:vial_id::text)::uuid, 'ADMINISTERED', 'PGB-' || :client_id::text, 'IV_DRIP', 2.000, 780000000000, 'WELLNESS', now(), now(), 'pgbench', '');
INSERT INTO administration_vial (administration_id, vial_id, position, lot_id, volume_ml, remainder_ml, scanned, barcode, kind, patient_id,
                                 administered_at, route, nurse, purpose, serial)
VALUES (md5(:vial_id::text)::uuid, :vial_id::uuid, 0, :lot_id::uuid, 2.000, 0.000, false, NULL, 'ADMINISTERED', 'PGB-' || :client_id::text, now(),
        'IV_DRIP', 'pgbench', 'WELLNESS', :serial::text);
UPDATE vial SET state = 'ADMINISTERED' WHERE id = :vial_id::uuid;
COMMIT;
