-- Doses: a vial (or several) administered at the clinic or dispensed for home use, linked to the
-- patient, the nurse, and through the vial to its lot, CPC and QC. Append-only.

CREATE TABLE administration (
    id                    uuid          PRIMARY KEY,
    kind                  text          NOT NULL CHECK (kind IN ('ADMINISTERED', 'DISPENSED')),
    patient_id            text          NOT NULL CHECK (patient_id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    route                 text          NOT NULL CHECK (route IN ('IV_DRIP', 'INJECTION', 'NASAL', 'EYE_DROP')),
    site                  text          CHECK (site IN ('FACE', 'SCALP', 'JOINT', 'INTRAMUSCULAR', 'SUBCUTANEOUS', 'OTHER')),
    site_detail           text          CHECK (length(site_detail) BETWEEN 1 AND 100),
    volume_ml             numeric(8, 3) NOT NULL CHECK (volume_ml > 0),
    particles             bigint        NOT NULL CHECK (particles >= 0),
    purpose               text          NOT NULL CHECK (purpose IN ('THERAPY', 'COSMETIC', 'WELLNESS')),
    indication            text          CHECK (length(indication) BETWEEN 1 AND 200),
    session_ref           text          CHECK (length(session_ref) BETWEEN 1 AND 64),
    physician             text          CHECK (length(physician) BETWEEN 1 AND 100),
    consent_ref           text          CHECK (length(consent_ref) BETWEEN 1 AND 64),
    provision_plan_number text          CHECK (length(provision_plan_number) BETWEEN 1 AND 64),
    administered_at       timestamptz   NOT NULL,
    recorded_at           timestamptz   NOT NULL,
    late_entry_reason     text          CHECK (length(late_entry_reason) BETWEEN 1 AND 500),
    nurse                 text          NOT NULL,
    warnings              text          NOT NULL DEFAULT '',
    CHECK (purpose <> 'THERAPY' OR indication IS NOT NULL),
    CHECK (route <> 'INJECTION' OR site IS NOT NULL),
    CHECK (kind <> 'DISPENSED' OR route IN ('NASAL', 'EYE_DROP'))
);
CREATE INDEX administration_patient_idx ON administration (patient_id, administered_at);

-- One row per vial used; a vial is used at most once, whatever the application does.
CREATE TABLE administration_vial (
    administration_id uuid          NOT NULL REFERENCES administration (id),
    vial_id           uuid          NOT NULL UNIQUE REFERENCES vial (id),
    position          smallint      NOT NULL CHECK (position >= 0),
    lot_id            uuid          NOT NULL REFERENCES lot (id),
    volume_ml         numeric(8, 3) NOT NULL CHECK (volume_ml > 0),
    remainder_ml      numeric(8, 3) NOT NULL CHECK (remainder_ml >= 0),
    scanned           boolean       NOT NULL,
    barcode           text          CHECK (length(barcode) <= 512),
    PRIMARY KEY (administration_id, vial_id),
    CHECK (scanned = (barcode IS NOT NULL))
);
CREATE INDEX administration_vial_lot_idx ON administration_vial (lot_id);

CREATE TRIGGER administration_append_only BEFORE UPDATE OR DELETE ON administration
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER administration_no_truncate BEFORE TRUNCATE ON administration
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER administration_vial_append_only BEFORE UPDATE OR DELETE ON administration_vial
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER administration_vial_no_truncate BEFORE TRUNCATE ON administration_vial
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();

-- Idempotency-Key of a recorded dose, per nurse: a replay within 24 h answers with the same dose.
CREATE TABLE idempotency_key (
    nurse             text        NOT NULL,
    key               text        NOT NULL CHECK (length(key) BETWEEN 1 AND 100),
    request_hash      char(64)    NOT NULL,
    administration_id uuid        NOT NULL REFERENCES administration (id),
    created_at        timestamptz NOT NULL,
    PRIMARY KEY (nurse, key)
);
