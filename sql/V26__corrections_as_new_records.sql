-- Corrections (issue 30, ADR 0040): a dose or a stock movement recorded in error is answered by a new record that
-- names the one it corrects; the original row is never changed.

-- A dose is corrected at most once: voided, or replaced by a new dose (administration row) that says what was given.
CREATE TABLE dose_correction (
    id             uuid        PRIMARY KEY,
    corrected_id   uuid        NOT NULL UNIQUE REFERENCES administration (id),
    action         text        NOT NULL CHECK (action IN ('VOID', 'REPLACE')),
    replacement_id uuid        UNIQUE REFERENCES administration (id),
    reason         text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    vial_opened    boolean     NOT NULL,
    recalled_lot   boolean     NOT NULL,
    corrected_at   timestamptz NOT NULL,
    corrected_by   text        NOT NULL,
    CHECK ((action = 'REPLACE') = (replacement_id IS NOT NULL)),
    CHECK (replacement_id <> corrected_id)
);
CREATE INDEX dose_correction_time_idx ON dose_correction (corrected_at);

CREATE TRIGGER dose_correction_append_only BEFORE UPDATE OR DELETE ON dose_correction
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER dose_correction_no_truncate BEFORE TRUNCATE ON dose_correction
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();

-- A vial was used at most once (UNIQUE (vial_id)). Now it is used at most once by a dose that stands: its uses are
-- numbered, and use n + 1 may be written only when the dose of use n has been corrected (a void that put the unopened
-- vial back in stock, or a replacement that names the same vial). The database decides, as it did before; the check
-- waits for the commit, so that a replacement's rows and its correction may be written in either order.
ALTER TABLE administration_vial ADD COLUMN use_number smallint NOT NULL DEFAULT 1 CHECK (use_number >= 1);
ALTER TABLE administration_vial DROP CONSTRAINT administration_vial_vial_id_key;
ALTER TABLE administration_vial ADD CONSTRAINT administration_vial_vial_use_key UNIQUE (vial_id, use_number);

CREATE FUNCTION refuse_a_second_standing_use() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.use_number > 1 AND NOT EXISTS (
            SELECT 1 FROM administration_vial av JOIN dose_correction c ON c.corrected_id = av.administration_id
             WHERE av.vial_id = NEW.vial_id AND av.use_number = NEW.use_number - 1) THEN
        RAISE EXCEPTION 'vial % is used by a dose that stands: it is used again only after that dose is corrected', NEW.vial_id
            USING ERRCODE = 'unique_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE CONSTRAINT TRIGGER administration_vial_one_standing_use AFTER INSERT ON administration_vial
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_a_second_standing_use();

-- The stock ledger: a reversal is a new row that names the row it reverses (once), with the reason in its note.
ALTER TABLE stock_movement ADD COLUMN reverses bigint UNIQUE REFERENCES stock_movement (seq);
ALTER TABLE stock_movement DROP CONSTRAINT stock_movement_kind_check;
ALTER TABLE stock_movement ADD CONSTRAINT stock_movement_kind_check
    CHECK (kind IN ('RECEIVED', 'MOVED', 'WASTED', 'ADMINISTERED', 'DISPENSED', 'COUNT_ADJUSTED', 'REVERSED'));
ALTER TABLE stock_movement ADD CONSTRAINT stock_movement_reversal_check
    CHECK ((kind = 'REVERSED') = (reverses IS NOT NULL) AND (kind <> 'REVERSED' OR note IS NOT NULL));

-- The dose line (V20) says whether the dose stands: corrected_by is the correction that voided or replaced it, corrects
-- the dose a replacement stands for. Readers of the facts take the lines that stand; the history shows both.
CREATE OR REPLACE VIEW dose_line AS
SELECT av.administration_id, av.kind, av.patient_id, av.administered_at, av.route, av.site, av.site_detail, av.nurse,
       av.purpose, av.vial_id, av.serial, av.position, av.scanned, av.volume_ml AS vial_volume_ml, av.remainder_ml, av.lot_id,
       a.volume_ml AS dose_volume_ml, a.particles, a.indication, a.recorded_at,
       l.lot_number, l.status AS lot_status, l.expires_on, l.donor_source,
       p.code AS product_code, p.name AS product_name, p.gtin, c.code AS cpc_code, c.name AS cpc_name,
       dc.id AS corrected_by, dc.action AS correction, dc.replacement_id AS replaced_by, dc.corrected_at, dc.reason AS correction_reason,
       rc.corrected_id AS corrects, dc.id IS NULL AS stands
  FROM administration_vial av
       LEFT JOIN administration a ON a.id = av.administration_id
       LEFT JOIN lot l ON l.id = av.lot_id
       LEFT JOIN product p ON p.id = l.product_id
       LEFT JOIN cpc c ON c.id = l.cpc_id
       LEFT JOIN dose_correction dc ON dc.corrected_id = av.administration_id
       LEFT JOIN dose_correction rc ON rc.replacement_id = av.administration_id;

-- A correction touching a recalled lot tells the integrations that the recall's patient list changed.
ALTER TABLE webhook_event DROP CONSTRAINT webhook_event_event_type_check;
ALTER TABLE webhook_event ADD CONSTRAINT webhook_event_event_type_check
    CHECK (event_type IN ('LOT_RELEASED', 'LOT_REJECTED', 'LOT_RECALLED', 'RECALL_PATIENTS_CHANGED'));
