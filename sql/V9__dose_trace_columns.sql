-- The forward trace of a lot reads its doses from administration_vial alone. The dose columns it shows
-- are copied onto each vial row when the dose is recorded (a dose never changes, so the copies cannot
-- drift), and a covering index returns a lot's doses in time order by an index-only scan: no heap
-- fetch per dose, however widely the doses of a lot are spread over time and disk.

ALTER TABLE administration_vial
    ADD COLUMN kind            text,
    ADD COLUMN patient_id      text,
    ADD COLUMN administered_at timestamptz,
    ADD COLUMN route           text,
    ADD COLUMN site            text,
    ADD COLUMN site_detail     text,
    ADD COLUMN nurse           text,
    ADD COLUMN purpose         text,
    ADD COLUMN serial          text;

-- Rows written before this migration get their copies once; the append-only trigger is lifted for
-- this statement only, inside the migration's transaction.
ALTER TABLE administration_vial DISABLE TRIGGER administration_vial_append_only;
UPDATE administration_vial av
   SET kind = a.kind, patient_id = a.patient_id, administered_at = a.administered_at, route = a.route, site = a.site,
       site_detail = a.site_detail, nurse = a.nurse, purpose = a.purpose, serial = v.serial
  FROM administration a, vial v
 WHERE a.id = av.administration_id AND v.id = av.vial_id;
ALTER TABLE administration_vial ENABLE TRIGGER administration_vial_append_only;

ALTER TABLE administration_vial
    ALTER COLUMN kind SET NOT NULL,
    ALTER COLUMN patient_id SET NOT NULL,
    ALTER COLUMN administered_at SET NOT NULL,
    ALTER COLUMN route SET NOT NULL,
    ALTER COLUMN nurse SET NOT NULL,
    ALTER COLUMN purpose SET NOT NULL,
    ALTER COLUMN serial SET NOT NULL;

CREATE INDEX administration_vial_trace_idx ON administration_vial (lot_id, administered_at, serial)
    INCLUDE (administration_id, vial_id, kind, patient_id, route, site, site_detail, nurse, purpose, volume_ml, scanned);
DROP INDEX administration_vial_lot_idx;
