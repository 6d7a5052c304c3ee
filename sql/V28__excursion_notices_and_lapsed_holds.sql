-- Cold chain, notices and lapses (issue 34, ADR 0045): each excursion is announced once when a hold pass first sees it
-- and once when it sees it ended (or no longer shown by the readings: withdrawn), through the webhook outbox; a hold
-- whose excursion the readings no longer show (a silence filled by a logger's late upload, a run out of range whose
-- start moved earlier) lapses by a record of its own, never by deleting it.

-- coldchain's: what was announced of an excursion (place, kind, start), each notice once. vials: the holds it had then
-- (OPENED, ENDED), or the holds that lapsed with it (WITHDRAWN).
CREATE TABLE excursion_notice (
    place_id   uuid        NOT NULL REFERENCES storage_place (id),
    kind       text        NOT NULL CHECK (kind IN ('OUT_OF_RANGE', 'NO_READINGS')),
    started_at timestamptz NOT NULL,
    notice     text        NOT NULL CHECK (notice IN ('OPENED', 'ENDED', 'WITHDRAWN')),
    ended_at   timestamptz CHECK (ended_at > started_at),
    lowest_c   numeric(5, 2),
    highest_c  numeric(5, 2),
    vials      integer     NOT NULL CHECK (vials >= 0),
    noticed_at timestamptz NOT NULL,
    PRIMARY KEY (place_id, kind, started_at, notice),
    CHECK (notice <> 'ENDED' OR ended_at IS NOT NULL)
);
CREATE TRIGGER excursion_notice_append_only BEFORE UPDATE OR DELETE ON excursion_notice
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER excursion_notice_no_truncate BEFORE TRUNCATE ON excursion_notice
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();

-- coldchain's: a hold whose excursion the place's readings no longer show, and why. It ends the hold as a disposition
-- does, without QA: there is nothing left to decide on. A disposed hold never lapses.
CREATE TABLE temperature_hold_lapsed (
    vial_id    uuid        NOT NULL,
    place_id   uuid        NOT NULL,
    kind       text        NOT NULL,
    started_at timestamptz NOT NULL,
    lapsed_at  timestamptz NOT NULL,
    reason     text        NOT NULL CHECK (reason IN ('SILENCE_FILLED', 'START_MOVED')),
    PRIMARY KEY (vial_id, place_id, kind, started_at),
    FOREIGN KEY (vial_id, place_id, kind, started_at) REFERENCES temperature_hold (vial_id, place_id, kind, started_at),
    CHECK ((kind = 'NO_READINGS') = (reason = 'SILENCE_FILLED'))
);
CREATE TRIGGER temperature_hold_lapsed_append_only BEFORE UPDATE OR DELETE ON temperature_hold_lapsed
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER temperature_hold_lapsed_no_truncate BEFORE TRUNCATE ON temperature_hold_lapsed
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();

-- The holds neither disposed of nor lapsed. The scan asks it by vial: three primary keys.
CREATE OR REPLACE VIEW temperature_hold_open AS
SELECT h.vial_id, h.place_id, h.kind, h.started_at, h.held_at
  FROM temperature_hold h
 WHERE NOT EXISTS (SELECT 1 FROM temperature_hold_disposed d
                    WHERE d.vial_id = h.vial_id AND d.place_id = h.place_id AND d.kind = h.kind AND d.started_at = h.started_at)
   AND NOT EXISTS (SELECT 1 FROM temperature_hold_lapsed x
                    WHERE x.vial_id = h.vial_id AND x.place_id = h.place_id AND x.kind = h.kind AND x.started_at = h.started_at);

-- Where place_excursions(place, since) starts reading: the place's last reading in range at or before `since`. Every
-- excursion starting there or later is computed from its readings exactly; one starting earlier ended before it.
-- (The latest reading first, by the index on place and time: a few rows back, not the place's history.)
CREATE FUNCTION place_settled_at(place uuid, since timestamptz) RETURNS timestamptz LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT s.at FROM storage_place p CROSS JOIN LATERAL (
                         SELECT b.at FROM temperature_reading b
                          WHERE b.place_id = p.id AND b.at <= since AND b.celsius BETWEEN p.min_c AND p.max_c
                          ORDER BY b.at DESC LIMIT 1) s
                      WHERE p.id = place), '-infinity');
$$;

-- V27's function, unchanged but for the lower bound, now said once (place_settled_at).
CREATE OR REPLACE FUNCTION place_excursions(place uuid, since timestamptz)
    RETURNS TABLE (kind text, started_at timestamptz, ended_at timestamptz, lowest_c numeric, highest_c numeric)
    LANGUAGE sql STABLE AS $$
WITH p AS (
    SELECT * FROM storage_place WHERE id = place
), series AS (
    SELECT r.at, r.celsius, (r.celsius < p.min_c OR r.celsius > p.max_c) AS outside, p.max_gap_minutes,
           lag(r.at) OVER w AS previous_at, lead(r.at) OVER w AS next_at,
           lag(r.celsius < p.min_c OR r.celsius > p.max_c) OVER w AS previous_outside
      FROM temperature_reading r CROSS JOIN p
     WHERE r.place_id = place AND r.at >= place_settled_at(place, since)
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

-- One hold pass over a place (every place when NULL) from `since`, each place's excursions computed once:
--  1. holds every vial that stayed in the place while one of its excursions that end at or after `since` (or are open)
--     was open (V27's hold_vials_of, which it replaces; an excursion ended by the batch's earliest reading is one);
--  2. lapses the holds, neither disposed of nor lapsed, of an excursion that the readings no longer show (of those
--     starting at or after the place's settled point, which place_excursions computes exactly);
--  3. writes the notices not yet written: OPENED and ENDED for the excursions of step 1, WITHDRAWN for an announced one
--     that the readings no longer show.
-- Answers what it did, a row each: HELD and LAPSED (vials: how many holds) by excursion, and each notice written. A
-- notice already written is skipped before its holds are counted. Passes take turns (a transaction-level advisory lock,
-- held to the commit): the timer's pass over every place inserts the holds of several places in one statement, in no
-- set order, while the banner's read makes them place by place in one transaction; two such passes meeting at the same
-- new holds (two freezers of a room falling silent together) would otherwise wait for each other until PostgreSQL
-- aborted one. A pass costs milliseconds for one place, the timer's some hundreds (docs/BENCHMARKS.md).
CREATE TYPE place_excursion AS (place_id uuid, settled_at timestamptz, kind text, started_at timestamptz, ended_at timestamptz,
                                lowest_c numeric, highest_c numeric);
CREATE FUNCTION refresh_holds(place uuid, since timestamptz)
    RETURNS TABLE (what text, place_id uuid, kind text, started_at timestamptz, ended_at timestamptz, lowest_c numeric,
                   highest_c numeric, vials integer)
    LANGUAGE plpgsql VOLATILE SET jit = off AS $$
#variable_conflict use_column
DECLARE
    shown place_excursion[];
    said  text;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('refresh_holds', 34));
    -- Each place's excursions from its settled point before `since` less its gap: late readings at or after `since`
    -- can remove a silence starting up to a gap before them, and a run out of range starting after them, never an
    -- earlier one. A place without excursions keeps a row with a NULL kind for its settled point.
    SELECT array_agg(ROW(p.id, place_settled_at(p.id, p.reach), e.kind, e.started_at, e.ended_at, e.lowest_c, e.highest_c)::place_excursion)
      INTO shown
      FROM (SELECT id, since - make_interval(mins => max_gap_minutes) AS reach FROM storage_place WHERE place IS NULL OR id = place) p
      LEFT JOIN LATERAL place_excursions(p.id, p.reach) e ON true;

    RETURN QUERY
    WITH added AS (
        INSERT INTO temperature_hold (vial_id, place_id, kind, started_at, held_at)
        SELECT DISTINCT s.vial_id, e.place_id, e.kind, e.started_at, now()
          FROM unnest(shown) e JOIN storage_place p ON p.id = e.place_id
          JOIN vial_stay s ON s.location = p.code
                          AND (e.ended_at IS NULL OR s.from_at < e.ended_at)
                          AND (s.until_at IS NULL OR s.until_at > e.started_at)
         WHERE e.kind IS NOT NULL AND (e.ended_at IS NULL OR e.ended_at >= since)
        ON CONFLICT DO NOTHING
        RETURNING temperature_hold.place_id, temperature_hold.kind, temperature_hold.started_at)
    SELECT 'HELD'::text, a.place_id, a.kind, a.started_at, NULL::timestamptz, NULL::numeric, NULL::numeric, count(*)::integer
      FROM added a GROUP BY a.place_id, a.kind, a.started_at;

    RETURN QUERY
    WITH gone AS (
        -- the excursions held from the settled point (the excursion index, not every hold) that are not shown
        SELECT DISTINCT h.place_id, h.kind, h.started_at
          FROM (SELECT DISTINCT e.place_id, e.settled_at FROM unnest(shown) e) w
          JOIN temperature_hold h ON h.place_id = w.place_id AND h.started_at >= w.settled_at
         WHERE NOT EXISTS (SELECT 1 FROM unnest(shown) e
                            WHERE e.place_id = h.place_id AND e.kind = h.kind AND e.started_at = h.started_at)
    ), lapsed AS (
        INSERT INTO temperature_hold_lapsed (vial_id, place_id, kind, started_at, lapsed_at, reason)
        SELECT h.vial_id, h.place_id, h.kind, h.started_at, now(),
               CASE h.kind WHEN 'NO_READINGS' THEN 'SILENCE_FILLED' ELSE 'START_MOVED' END
          FROM gone g JOIN temperature_hold_open h ON h.place_id = g.place_id AND h.kind = g.kind AND h.started_at = g.started_at
        RETURNING temperature_hold_lapsed.place_id, temperature_hold_lapsed.kind, temperature_hold_lapsed.started_at)
    SELECT 'LAPSED'::text, x.place_id, x.kind, x.started_at, NULL::timestamptz, NULL::numeric, NULL::numeric, count(*)::integer
      FROM lapsed x GROUP BY x.place_id, x.kind, x.started_at;

    -- OPENED for every excursion of step 1, then ENDED for those of them that ended
    FOREACH said IN ARRAY ARRAY['OPENED', 'ENDED'] LOOP
        RETURN QUERY
        WITH written AS (
            INSERT INTO excursion_notice AS n (place_id, kind, started_at, notice, ended_at, lowest_c, highest_c, vials, noticed_at)
            SELECT e.place_id, e.kind, e.started_at, said, CASE said WHEN 'ENDED' THEN e.ended_at END, e.lowest_c, e.highest_c,
                   (SELECT count(*) FROM temperature_hold h WHERE h.place_id = e.place_id AND h.started_at = e.started_at AND h.kind = e.kind),
                   now()
              FROM unnest(shown) e
             WHERE e.kind IS NOT NULL AND (e.ended_at >= since OR (said = 'OPENED' AND e.ended_at IS NULL))
               AND NOT EXISTS (SELECT 1 FROM excursion_notice x WHERE x.place_id = e.place_id AND x.kind = e.kind
                                  AND x.started_at = e.started_at AND x.notice = said)
            ON CONFLICT DO NOTHING
            RETURNING n.place_id, n.kind, n.started_at, n.notice, n.ended_at, n.lowest_c, n.highest_c, n.vials)
        SELECT w.notice, w.place_id, w.kind, w.started_at, w.ended_at, w.lowest_c, w.highest_c, w.vials FROM written w;
    END LOOP;

    RETURN QUERY
    WITH written AS (
        INSERT INTO excursion_notice AS n (place_id, kind, started_at, notice, ended_at, lowest_c, highest_c, vials, noticed_at)
        SELECT o.place_id, o.kind, o.started_at, 'WITHDRAWN', NULL, NULL, NULL,
               (SELECT count(*) FROM temperature_hold_lapsed x WHERE x.place_id = o.place_id AND x.started_at = o.started_at AND x.kind = o.kind),
               now()
          FROM (SELECT DISTINCT e.place_id, e.settled_at FROM unnest(shown) e) w
          JOIN excursion_notice o ON o.place_id = w.place_id AND o.started_at >= w.settled_at AND o.notice = 'OPENED'
         WHERE NOT EXISTS (SELECT 1 FROM unnest(shown) e WHERE e.place_id = o.place_id AND e.kind = o.kind AND e.started_at = o.started_at)
           AND NOT EXISTS (SELECT 1 FROM excursion_notice x WHERE x.place_id = o.place_id AND x.kind = o.kind
                              AND x.started_at = o.started_at AND x.notice = 'WITHDRAWN')
        ON CONFLICT DO NOTHING
        RETURNING n.place_id, n.kind, n.started_at, n.notice, n.ended_at, n.lowest_c, n.highest_c, n.vials)
    SELECT w.notice, w.place_id, w.kind, w.started_at, w.ended_at, w.lowest_c, w.highest_c, w.vials FROM written w;
END
$$;
DROP FUNCTION hold_vials_of(uuid, timestamptz);
CREATE INDEX excursion_notice_place_started_idx ON excursion_notice (place_id, started_at) WHERE notice = 'OPENED';

-- webhook's: an excursion's event names a storage place, not a lot. lot_number is kept for the lot events (and still
-- required of them); location_code for the excursion events.
ALTER TABLE webhook_event ALTER COLUMN lot_number DROP NOT NULL;
ALTER TABLE webhook_event ADD COLUMN location_code text;
ALTER TABLE webhook_event DROP CONSTRAINT webhook_event_event_type_check;
ALTER TABLE webhook_event ADD CONSTRAINT webhook_event_event_type_check
    CHECK (event_type IN ('LOT_RELEASED', 'LOT_REJECTED', 'LOT_RECALLED', 'RECALL_PATIENTS_CHANGED',
                          'EXCURSION_OPENED', 'EXCURSION_ENDED', 'EXCURSION_WITHDRAWN'));
ALTER TABLE webhook_event ADD CONSTRAINT webhook_event_subject_check
    CHECK (CASE WHEN event_type LIKE 'EXCURSION\_%' THEN lot_number IS NULL AND location_code IS NOT NULL
                ELSE lot_number IS NOT NULL AND location_code IS NULL END);
