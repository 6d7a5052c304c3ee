-- The bedside capability's read side for the others (ADR 0036): what a dose line is, said once. One row per vial used in
-- a dose (ADMINISTERED at the clinic or DISPENSED for home use): the dose, the vial, its lot, product and CPC. The trace,
-- the lot report, the patient's doses and the FHIR reads select from it by column name; only bedside writes its tables.
--
-- The dose's own columns come from administration_vial's copies (V9), and every other table is a LEFT JOIN by primary
-- key on a NOT NULL foreign key (so no row is lost or doubled): PostgreSQL leaves out a join whose columns a query does
-- not use, and a lot's dose lines in time order stay an index-only scan of administration_vial_trace_idx.

CREATE VIEW dose_line AS
SELECT av.administration_id, av.kind, av.patient_id, av.administered_at, av.route, av.site, av.site_detail, av.nurse,
       av.purpose, av.vial_id, av.serial, av.position, av.scanned, av.volume_ml AS vial_volume_ml, av.remainder_ml, av.lot_id,
       a.volume_ml AS dose_volume_ml, a.particles, a.indication, a.recorded_at,
       l.lot_number, l.status AS lot_status, l.expires_on, l.donor_source,
       p.code AS product_code, p.name AS product_name, p.gtin, c.code AS cpc_code, c.name AS cpc_name
  FROM administration_vial av
       LEFT JOIN administration a ON a.id = av.administration_id
       LEFT JOIN lot l ON l.id = av.lot_id
       LEFT JOIN product p ON p.id = l.product_id
       LEFT JOIN cpc c ON c.id = l.cpc_id;
