-- Vial labels printed by the service (issue 33): one row per print job, one per vial printed in it. A vial printed
-- before is marked as a reprint. Append-only, like every other record of who did what.

CREATE TABLE label_print (
    id          uuid        PRIMARY KEY,
    lot_id      uuid        NOT NULL REFERENCES lot (id),
    format      text        NOT NULL CHECK (format IN ('PDF', 'ZPL')),
    layout      text        NOT NULL CHECK (layout IN ('LABEL', 'A4')),
    width_mm    numeric(5, 1) NOT NULL CHECK (width_mm BETWEEN 15 AND 100),
    height_mm   numeric(5, 1) NOT NULL CHECK (height_mm BETWEEN 10 AND 100),
    vials       integer     NOT NULL CHECK (vials > 0),
    reprints    integer     NOT NULL CHECK (reprints BETWEEN 0 AND vials),
    printed_at  timestamptz NOT NULL,
    printed_by  text        NOT NULL
);
CREATE INDEX label_print_lot_idx ON label_print (lot_id, printed_at);

CREATE TABLE label_print_vial (
    print_id uuid    NOT NULL REFERENCES label_print (id),
    vial_id  uuid    NOT NULL REFERENCES vial (id),
    reprint  boolean NOT NULL,
    PRIMARY KEY (print_id, vial_id)
);
CREATE INDEX label_print_vial_vial_idx ON label_print_vial (vial_id);

CREATE TRIGGER label_print_append_only BEFORE UPDATE OR DELETE ON label_print
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER label_print_no_truncate BEFORE TRUNCATE ON label_print
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER label_print_vial_append_only BEFORE UPDATE OR DELETE ON label_print_vial
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER label_print_vial_no_truncate BEFORE TRUNCATE ON label_print_vial
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
