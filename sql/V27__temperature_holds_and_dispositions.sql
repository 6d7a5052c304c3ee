-- Cold chain, second part (issue 34, ADR 0044): every vial that was in a storage place while an excursion of that place
-- was open is held (the scan blocks it with TEMPERATURE_HOLD) until QA disposes of the excursion by a signed record
-- that releases the held vials or wastes them. Holds are materialised, so that the scan asks one index.

-- vial's: where each vial was in stock, from when until when. A ledger row puts the vial where it went (or where it
-- stayed: StockMovement.locationAfter) and it stays there until its next row; rows that take it out of stock are no stay.
CREATE VIEW vial_stay AS
SELECT m.vial_id, coalesce(m.to_location, m.from_location) AS location, m.at AS from_at,
       (SELECT n.at FROM stock_movement n WHERE n.vial_id = m.vial_id AND n.seq > m.seq ORDER BY n.seq LIMIT 1) AS until_at
  FROM stock_movement m
 WHERE m.state_after = 'IN_STOCK';
CREATE INDEX stock_movement_stay_idx ON stock_movement ((coalesce(to_location, from_location)), at) WHERE state_after = 'IN_STOCK';

-- coldchain's: a vial held by an excursion of a place. An excursion is named by its place, kind and start. Written when
-- readings arrive and on a timer (Holds.refresh); never removed: a hold ends only by a disposition.
CREATE TABLE temperature_hold (
    vial_id    uuid        NOT NULL REFERENCES vial (id),
    place_id   uuid        NOT NULL REFERENCES storage_place (id),
    kind       text        NOT NULL CHECK (kind IN ('OUT_OF_RANGE', 'NO_READINGS')),
    started_at timestamptz NOT NULL,
    held_at    timestamptz NOT NULL,
    PRIMARY KEY (vial_id, place_id, kind, started_at)
);
CREATE INDEX temperature_hold_excursion_idx ON temperature_hold (place_id, started_at, kind);

-- QA's signed decision on an excursion's held vials: RELEASE them back to use, or WASTE them (TEMPERATURE_EXCURSION).
CREATE TABLE excursion_disposition (
    id            uuid        PRIMARY KEY,
    place_id      uuid        NOT NULL REFERENCES storage_place (id),
    kind          text        NOT NULL CHECK (kind IN ('OUT_OF_RANGE', 'NO_READINGS')),
    started_at    timestamptz NOT NULL,
    decision      text        NOT NULL CHECK (decision IN ('RELEASE', 'WASTE')),
    justification text        NOT NULL CHECK (length(justification) BETWEEN 3 AND 500),
    vials         integer     NOT NULL CHECK (vials > 0),
    signed_by     text        NOT NULL,
    signed_at     timestamptz NOT NULL
);
CREATE INDEX excursion_disposition_excursion_idx ON excursion_disposition (place_id, started_at);

-- The holds a disposition ended, each once.
CREATE TABLE temperature_hold_disposed (
    vial_id        uuid        NOT NULL,
    place_id       uuid        NOT NULL,
    kind           text        NOT NULL,
    started_at     timestamptz NOT NULL,
    disposition_id uuid        NOT NULL REFERENCES excursion_disposition (id),
    PRIMARY KEY (vial_id, place_id, kind, started_at),
    FOREIGN KEY (vial_id, place_id, kind, started_at) REFERENCES temperature_hold (vial_id, place_id, kind, started_at)
);
CREATE INDEX temperature_hold_disposed_disposition_idx ON temperature_hold_disposed (disposition_id);

CREATE TRIGGER temperature_hold_append_only BEFORE UPDATE OR DELETE ON temperature_hold
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER temperature_hold_no_truncate BEFORE TRUNCATE ON temperature_hold
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER excursion_disposition_append_only BEFORE UPDATE OR DELETE ON excursion_disposition
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER excursion_disposition_no_truncate BEFORE TRUNCATE ON excursion_disposition
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER temperature_hold_disposed_append_only BEFORE UPDATE OR DELETE ON temperature_hold_disposed
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER temperature_hold_disposed_no_truncate BEFORE TRUNCATE ON temperature_hold_disposed
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();

-- coldchain's: the holds no disposition has ended. The scan asks it by vial (the primary keys of both tables).
CREATE VIEW temperature_hold_open AS
SELECT h.vial_id, h.place_id, h.kind, h.started_at, h.held_at
  FROM temperature_hold h
 WHERE NOT EXISTS (SELECT 1 FROM temperature_hold_disposed d
                    WHERE d.vial_id = h.vial_id AND d.place_id = h.place_id AND d.kind = h.kind AND d.started_at = h.started_at);

-- The excursions of one place (V25's rules, unchanged) that end after `since` or are open, exactly as over the whole
-- history, computed over the readings from the place's last reading in range at or before `since`: no run out of range
-- ending after `since` began before it, and no silence ending after `since` began before it. With '-infinity': all.
-- Holds ask a recent period (a batch's earliest reading, the last day), so their cost does not grow with the history.
CREATE FUNCTION place_excursions(place uuid, since timestamptz)
    RETURNS TABLE (kind text, started_at timestamptz, ended_at timestamptz, lowest_c numeric, highest_c numeric)
    LANGUAGE sql STABLE AS $$
WITH p AS (
    SELECT * FROM storage_place WHERE id = place
), series AS (
    SELECT r.at, r.celsius, (r.celsius < p.min_c OR r.celsius > p.max_c) AS outside, p.max_gap_minutes,
           lag(r.at) OVER w AS previous_at, lead(r.at) OVER w AS next_at,
           lag(r.celsius < p.min_c OR r.celsius > p.max_c) OVER w AS previous_outside
      FROM temperature_reading r CROSS JOIN p
     WHERE r.place_id = place
       AND r.at >= coalesce((SELECT max(b.at) FROM temperature_reading b
                              WHERE b.place_id = place AND b.at <= since AND b.celsius BETWEEN p.min_c AND p.max_c), '-infinity')
    WINDOW w AS (ORDER BY r.at, r.logger)
), numbered AS (
    SELECT *, sum(CASE WHEN outside AND previous_outside IS NOT TRUE THEN 1 ELSE 0 END) OVER (ORDER BY at) AS run
      FROM series
), ends AS (
    SELECT run, min(at) FILTER (WHERE outside) AS started_at, max(at) FILTER (WHERE outside) AS last_outside_at,
           min(celsius) FILTER (WHERE outside) AS lowest_c, max(celsius) FILTER (WHERE outside) AS highest_c
      FROM numbered WHERE run > 0 GROUP BY run
)
SELECT 'OUT_OF_RANGE'::text, e.started_at,
       (SELECT min(s.at) FROM series s WHERE s.at > e.last_outside_at AND NOT s.outside), e.lowest_c, e.highest_c
  FROM ends e
UNION ALL
SELECT 'NO_READINGS', previous_at, at, NULL, NULL
  FROM series WHERE previous_at IS NOT NULL AND at - previous_at > make_interval(mins => max_gap_minutes)
UNION ALL
SELECT 'NO_READINGS', at, NULL, NULL, NULL
  FROM series WHERE next_at IS NULL AND now() - at > make_interval(mins => max_gap_minutes);
$$;

-- V25's view, now by place through the function: a read of one place computes that place's series only.
DROP VIEW temperature_excursion;
CREATE VIEW temperature_excursion AS
SELECT p.id AS place_id, e.kind, e.started_at, e.ended_at, e.lowest_c, e.highest_c
  FROM storage_place p CROSS JOIN LATERAL place_excursions(p.id, '-infinity') e;

-- Holds every vial that stayed in the place (every place when NULL) while one of its excursions that end after `since`
-- (or are open) was open (overlapping, end exclusive); a hold already made is left as it is. Answers how many are new.
-- Without JIT: the planner's estimate of the stays (a subquery a row) makes it compile the plan, 0.7 s of a 7 ms call.
CREATE FUNCTION hold_vials_of(place uuid, since timestamptz) RETURNS integer LANGUAGE sql VOLATILE SET jit = off AS $$
    WITH added AS (
        INSERT INTO temperature_hold (vial_id, place_id, kind, started_at, held_at)
        SELECT DISTINCT s.vial_id, p.id, e.kind, e.started_at, now()
          FROM storage_place p
          CROSS JOIN LATERAL place_excursions(p.id, since) e
          JOIN vial_stay s ON s.location = p.code
                          AND (e.ended_at IS NULL OR s.from_at < e.ended_at)
                          AND (s.until_at IS NULL OR s.until_at > e.started_at)
         WHERE (place IS NULL OR p.id = place) AND (e.ended_at IS NULL OR e.ended_at > since)
        ON CONFLICT DO NOTHING
        RETURNING 1)
    SELECT count(*)::integer FROM added;
$$;

-- catalog's: the range a product must be stored in (°C), optional; a place whose range does not lie within it is
-- refused on receipt and move.
ALTER TABLE product ADD COLUMN storage_min_c numeric(5, 1) CHECK (storage_min_c BETWEEN -200 AND 100);
ALTER TABLE product ADD COLUMN storage_max_c numeric(5, 1) CHECK (storage_max_c BETWEEN -200 AND 100);
ALTER TABLE product ADD CONSTRAINT product_storage_range_check
    CHECK ((storage_min_c IS NULL) = (storage_max_c IS NULL) AND (storage_min_c IS NULL OR storage_min_c < storage_max_c));

-- The bedside scan's one statement (V14) with one more column: whether the vial is on a temperature hold.
DROP FUNCTION scan_facts(character(14), text, date);
CREATE FUNCTION scan_facts(scanned_gtin character(14), scanned_serial text, today date)
    RETURNS TABLE (vial_id uuid, gtin character(14), serial text, state text, location text,
                   lot_id uuid, lot_number text, lot_status text, expires_on date, cpc_code text, donor_source text,
                   product_id uuid, product_code text, product_name text, volume_ml numeric, particles_per_vial bigint,
                   routes text, earlier_on_hand boolean, on_hold boolean)
    LANGUAGE plpgsql STABLE
    SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    SELECT v.id, v.gtin, v.serial, v.state, v.location, l.id, l.lot_number, l.status, l.expires_on, c.code, l.donor_source,
           p.id, p.code, p.name, p.volume_ml, p.particles_per_vial,
           (SELECT string_agg(r.route, ',') FROM product_route r WHERE r.product_id = p.id),
           EXISTS (SELECT 1 FROM lot el
                    WHERE el.product_id = l.product_id AND el.status = 'RELEASED' AND el.expires_on < l.expires_on
                      AND el.expires_on >= today
                      AND EXISTS (SELECT 1 FROM vial e WHERE e.lot_id = el.id AND e.location = v.location AND e.state = 'IN_STOCK')),
           EXISTS (SELECT 1 FROM temperature_hold_open h WHERE h.vial_id = v.id)
      FROM vial v JOIN lot l ON l.id = v.lot_id JOIN product p ON p.id = l.product_id JOIN cpc c ON c.id = l.cpc_id
     WHERE v.gtin = scanned_gtin AND v.serial = scanned_serial;
END
$$;
