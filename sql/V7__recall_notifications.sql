-- Recall follow-up: each attempt to tell a patient that a lot they received was recalled.
-- Append-only: a wrong entry is followed by a correct one, never edited.

CREATE TABLE recall_notification (
    id          uuid        PRIMARY KEY,
    lot_id      uuid        NOT NULL REFERENCES lot (id),
    patient_id  text        NOT NULL CHECK (patient_id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    channel     text        NOT NULL CHECK (channel IN ('PHONE', 'EMAIL', 'LETTER', 'SMS', 'IN_PERSON')),
    outcome     text        NOT NULL CHECK (outcome IN ('REACHED', 'NOT_REACHED')),
    notified_at timestamptz NOT NULL,
    note        text        CHECK (length(note) BETWEEN 1 AND 500),
    recorded_by text        NOT NULL,
    recorded_at timestamptz NOT NULL
);
CREATE INDEX recall_notification_lot_idx ON recall_notification (lot_id, patient_id, notified_at);

CREATE TRIGGER recall_notification_append_only BEFORE UPDATE OR DELETE ON recall_notification
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER recall_notification_no_truncate BEFORE TRUNCATE ON recall_notification
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
