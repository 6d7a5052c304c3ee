-- Lots received from a CPC, their vials, and the append-only ledger of stock movements.

CREATE TABLE lot (
    id              uuid        PRIMARY KEY,
    lot_number      text        NOT NULL CHECK (lot_number ~ '^[A-Za-z0-9][A-Za-z0-9-]{0,19}$'),
    product_id      uuid        NOT NULL REFERENCES product (id),
    cpc_id          uuid        NOT NULL REFERENCES cpc (id),
    donor_source    text        NOT NULL CHECK (donor_source IN ('DENTAL_PULP', 'ADIPOSE', 'BONE_MARROW', 'CORD_BLOOD', 'UMBILICAL_CORD')),
    manufactured_on date        NOT NULL,
    expires_on      date        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('QUARANTINED', 'RELEASED', 'REJECTED', 'RECALLED')),
    received_at     timestamptz NOT NULL,
    received_by     text        NOT NULL,
    UNIQUE (product_id, lot_number),
    CHECK (expires_on > manufactured_on)
);
CREATE INDEX lot_number_idx ON lot (lot_number);
CREATE INDEX lot_expiry_idx ON lot (expires_on);

-- Serials the service assigns when a lot arrives with a count instead of printed serials.
CREATE SEQUENCE vial_serial_seq;

-- A vial's state and location are kept equal to what its movements say, in the same transaction.
CREATE TABLE vial (
    id       uuid PRIMARY KEY,
    lot_id   uuid NOT NULL REFERENCES lot (id),
    gtin     char(14) NOT NULL,
    serial   text NOT NULL CHECK (serial ~ '^[!-~]{1,20}$'),
    state    text NOT NULL CHECK (state IN ('IN_STOCK', 'ADMINISTERED', 'DISPENSED', 'WASTED')),
    location text NOT NULL CHECK (length(location) BETWEEN 1 AND 64),
    UNIQUE (gtin, serial)
);
CREATE INDEX vial_lot_idx ON vial (lot_id);
CREATE INDEX vial_location_state_idx ON vial (location, state);

CREATE TABLE stock_movement (
    seq           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    vial_id       uuid        NOT NULL REFERENCES vial (id),
    kind          text        NOT NULL CHECK (kind IN ('RECEIVED', 'MOVED', 'WASTED', 'ADMINISTERED', 'DISPENSED', 'COUNT_ADJUSTED')),
    from_location text,
    to_location   text,
    state_after   text        NOT NULL CHECK (state_after IN ('IN_STOCK', 'ADMINISTERED', 'DISPENSED', 'WASTED')),
    reason        text,
    note          text        CHECK (length(note) <= 500),
    at            timestamptz NOT NULL,
    actor         text        NOT NULL
);
CREATE INDEX stock_movement_vial_idx ON stock_movement (vial_id, seq);

CREATE TRIGGER stock_movement_append_only
    BEFORE UPDATE OR DELETE ON stock_movement
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER stock_movement_no_truncate
    BEFORE TRUNCATE ON stock_movement
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
