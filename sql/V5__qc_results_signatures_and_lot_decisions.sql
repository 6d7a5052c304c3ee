-- QC assay results judged against the product's specification, QA's electronic signatures on a
-- release, and the history of every change of a lot's status. All three are append-only.

CREATE TABLE qc_result (
    id            uuid        PRIMARY KEY,
    lot_id        uuid        NOT NULL REFERENCES lot (id),
    assay         text        NOT NULL CHECK (assay ~ '^[A-Z0-9_]{2,40}$'),
    value         numeric,
    unit          text        CHECK (length(unit) BETWEEN 1 AND 32),
    outcome       text        CHECK (outcome IN ('NEGATIVE', 'POSITIVE', 'CONFORMS', 'DOES_NOT_CONFORM')),
    method        text        CHECK (length(method) BETWEEN 1 AND 64),
    performed_at  timestamptz,
    performer     text        CHECK (length(performer) BETWEEN 1 AND 128),
    judgement     text        NOT NULL CHECK (judgement IN ('PASS', 'FAIL')),
    -- the specification as it stood when the result was judged, e.g. "<= 0.5 EU/mL"
    specification text        NOT NULL,
    -- a correction names the result it replaces; a result is replaced at most once
    supersedes    uuid        UNIQUE REFERENCES qc_result (id),
    reason        text        CHECK (length(reason) BETWEEN 1 AND 500),
    source        text        NOT NULL CHECK (source IN ('API', 'CSV')),
    entered_at    timestamptz NOT NULL,
    entered_by    text        NOT NULL,
    CHECK ((value IS NOT NULL AND unit IS NOT NULL AND outcome IS NULL)
        OR (value IS NULL AND unit IS NULL AND outcome IS NOT NULL)),
    CHECK (supersedes IS NULL OR reason IS NOT NULL)
);
CREATE INDEX qc_result_lot_idx ON qc_result (lot_id, assay);

-- An electronic signature: who, when, what it means, and exactly what was signed (the lot's current
-- results as canonical JSON) with its SHA-256.
CREATE TABLE lot_signature (
    id             uuid        PRIMARY KEY,
    lot_id         uuid        NOT NULL REFERENCES lot (id),
    signer         text        NOT NULL,
    signed_at      timestamptz NOT NULL,
    meaning        text        NOT NULL CHECK (length(meaning) BETWEEN 3 AND 200),
    signed_content text        NOT NULL,
    content_digest char(64)    NOT NULL
);
CREATE INDEX lot_signature_lot_idx ON lot_signature (lot_id, signed_at);

-- Every change of a lot's status, with who decided and why; lot.status is its latest to_status.
CREATE TABLE lot_decision (
    seq         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lot_id      uuid        NOT NULL REFERENCES lot (id),
    from_status text        NOT NULL CHECK (from_status IN ('QUARANTINED', 'RELEASED', 'REJECTED', 'RECALLED')),
    to_status   text        NOT NULL CHECK (to_status IN ('QUARANTINED', 'RELEASED', 'REJECTED', 'RECALLED')),
    reason      text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    decided_at  timestamptz NOT NULL,
    decided_by  text        NOT NULL
);
CREATE INDEX lot_decision_lot_idx ON lot_decision (lot_id, seq);

CREATE TRIGGER qc_result_append_only BEFORE UPDATE OR DELETE ON qc_result
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER qc_result_no_truncate BEFORE TRUNCATE ON qc_result
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER lot_signature_append_only BEFORE UPDATE OR DELETE ON lot_signature
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER lot_signature_no_truncate BEFORE TRUNCATE ON lot_signature
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER lot_decision_append_only BEFORE UPDATE OR DELETE ON lot_decision
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER lot_decision_no_truncate BEFORE TRUNCATE ON lot_decision
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();

-- A lot's status may only move along QA's state machine, whatever writes it.
CREATE FUNCTION lot_status_transition() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status IS DISTINCT FROM OLD.status AND NOT (
           (OLD.status = 'QUARANTINED' AND NEW.status IN ('RELEASED', 'REJECTED'))
        OR (OLD.status = 'RELEASED' AND NEW.status = 'RECALLED')) THEN
        RAISE EXCEPTION 'lot % cannot move from % to %', OLD.lot_number, OLD.status, NEW.status
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER lot_status_machine BEFORE UPDATE OF status ON lot
    FOR EACH ROW EXECUTE FUNCTION lot_status_transition();
