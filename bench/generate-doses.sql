-- Generates a dose history for the trace benchmark, consistent with the domain rules: released lots
-- of one product at one CPC, each vial received (one RECEIVED movement) and administered once
-- (one ADMINISTERED movement, one administration, one administration_vial row), to distinct patients.
-- Vials are written lot by lot (as receiving does) and doses in time order (as the bedside does), so
-- a lot's doses are spread over the tables as they would be after months of use. Needs V9 applied.
-- Run against a service's database after start-up (the schema exists):
--   psql "$DB" -v lots=1000 -v vials=10000 -f bench/generate-doses.sql      # 10 M doses
-- Lot numbers are GEN000001 ...; patients GEN-P<n>. Re-running adds lots after the existing GEN ones.
\set ON_ERROR_STOP on
\timing on
BEGIN;
INSERT INTO cpc (id, code, name, licence_number, country, created_at, created_by)
SELECT gen_random_uuid(), 'CPC-GEN', 'Generated CPC', 'FA0000000', 'JP', now(), 'generator'
 WHERE NOT EXISTS (SELECT 1 FROM cpc WHERE code = 'CPC-GEN');
INSERT INTO product (id, code, name, gtin, volume_ml, particles_per_vial, created_at, created_by)
SELECT gen_random_uuid(), 'GEN-2CC', 'Generated 2cc', '04999999000008', 2.0, 780000000000, now(), 'generator'
 WHERE NOT EXISTS (SELECT 1 FROM product WHERE code = 'GEN-2CC');
INSERT INTO product_route (product_id, route) SELECT id, 'IV_DRIP' FROM product WHERE code = 'GEN-2CC' ON CONFLICT DO NOTHING;
INSERT INTO product_donor_source (product_id, donor_source) SELECT id, 'CORD_BLOOD' FROM product WHERE code = 'GEN-2CC' ON CONFLICT DO NOTHING;

CREATE TEMP TABLE gen_lot AS
SELECT gen_random_uuid() AS id, n + coalesce((SELECT max(substr(lot_number, 4)::int) FROM lot WHERE lot_number LIKE 'GEN%'), 0) AS n
  FROM generate_series(1, :lots) AS n;
INSERT INTO lot (id, lot_number, product_id, cpc_id, donor_source, manufactured_on, expires_on, status, received_at, received_by)
SELECT l.id, 'GEN' || lpad(l.n::text, 6, '0'), p.id, c.id, 'CORD_BLOOD', current_date - 30, current_date + 150, 'RELEASED',
       now() - interval '29 days', 'generator'
  FROM gen_lot l, product p, cpc c WHERE p.code = 'GEN-2CC' AND c.code = 'CPC-GEN';

CREATE TEMP TABLE gen_vial AS
SELECT gen_random_uuid() AS vial_id, gen_random_uuid() AS dose_id, l.id AS lot_id, l.n AS lot_n, v AS k,
       now() - (random() * interval '28 days') AS at
  FROM gen_lot l, generate_series(1, :vials) AS v;
INSERT INTO vial (id, lot_id, gtin, serial, state, location)
SELECT vial_id, lot_id, '04999999000008', 'G' || lpad(lot_n::text, 6, '0') || lpad(k::text, 6, '0'), 'ADMINISTERED', 'FREEZER-GEN'
  FROM gen_vial ORDER BY lot_n, k;
INSERT INTO stock_movement (vial_id, kind, from_location, to_location, state_after, at, actor)
SELECT vial_id, 'RECEIVED', NULL, 'FREEZER-GEN', 'IN_STOCK', now() - interval '29 days', 'generator' FROM gen_vial;
INSERT INTO administration (id, kind, patient_id, route, volume_ml, particles, purpose, administered_at, recorded_at, nurse, warnings)
SELECT dose_id, 'ADMINISTERED', 'GEN-P' || (lot_n * 100000 + k), 'IV_DRIP', 2.000, 780000000000, 'WELLNESS', at, at, 'gen.nurse', ''
  FROM gen_vial ORDER BY at;
INSERT INTO administration_vial (administration_id, vial_id, position, lot_id, volume_ml, remainder_ml, scanned, barcode,
                                 kind, patient_id, administered_at, route, nurse, purpose, serial)
SELECT dose_id, vial_id, 0, lot_id, 2.000, 0.000, true, 'generated',
       'ADMINISTERED', 'GEN-P' || (lot_n * 100000 + k), at, 'IV_DRIP', 'gen.nurse', 'WELLNESS',
       'G' || lpad(lot_n::text, 6, '0') || lpad(k::text, 6, '0')
  FROM gen_vial ORDER BY at;
INSERT INTO stock_movement (vial_id, kind, from_location, to_location, state_after, note, at, actor)
SELECT vial_id, 'ADMINISTERED', 'FREEZER-GEN', NULL, 'ADMINISTERED', 'dose ' || dose_id, at, 'gen.nurse' FROM gen_vial;
COMMIT;
ANALYZE vial; ANALYZE lot; ANALYZE stock_movement; ANALYZE administration; ANALYZE administration_vial;
SELECT count(*) AS doses FROM administration;
