-- Cold chain (issue 34), first part: storage places with the temperature range they must keep, the readings their data
-- loggers send, and the excursions those readings show. Readings are append-only; a reading sent twice (same place,
-- logger and time) is one reading.

CREATE TABLE storage_place (
    id               uuid          PRIMARY KEY,
    code             text          NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
    name             text          NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    kind             text          NOT NULL CHECK (kind IN ('FREEZER', 'REFRIGERATOR', 'ROOM')),
    min_c            numeric(5, 1) NOT NULL CHECK (min_c BETWEEN -200 AND 100),
    max_c            numeric(5, 1) NOT NULL CHECK (max_c BETWEEN -200 AND 100),
    max_gap_minutes  integer       NOT NULL CHECK (max_gap_minutes BETWEEN 1 AND 1440),
    created_at       timestamptz   NOT NULL,
    created_by       text          NOT NULL,
    CHECK (min_c < max_c)
);
CREATE TRIGGER storage_place_append_only BEFORE UPDATE OR DELETE ON storage_place
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER storage_place_no_truncate BEFORE TRUNCATE ON storage_place
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();

CREATE TABLE temperature_reading (
    place_id    uuid          NOT NULL REFERENCES storage_place (id),
    logger      text          NOT NULL CHECK (logger ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$'),
    at          timestamptz   NOT NULL,
    celsius     numeric(5, 2) NOT NULL CHECK (celsius BETWEEN -273.15 AND 200),
    received_at timestamptz   NOT NULL,
    PRIMARY KEY (place_id, logger, at)
);
CREATE INDEX temperature_reading_place_at_idx ON temperature_reading (place_id, at);
CREATE TRIGGER temperature_reading_append_only BEFORE UPDATE OR DELETE ON temperature_reading
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER temperature_reading_no_truncate BEFORE TRUNCATE ON temperature_reading
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();

-- The excursions a place's readings show, derived whenever asked, so that a reading that arrives late or out of order
-- is counted where it belongs. All loggers of a place make one series, in time order.
--  OUT_OF_RANGE: a run of readings outside [min_c, max_c]; it starts at the first of them and ends at the next reading
--    in range (open while there is none); lowest and highest of the run.
--  NO_READINGS: more than max_gap_minutes between two readings (from the first to the second), or since the last
--    reading (open).
CREATE VIEW temperature_excursion AS
WITH series AS (
    SELECT r.place_id, r.at, r.celsius, (r.celsius < p.min_c OR r.celsius > p.max_c) AS outside, p.max_gap_minutes,
           lag(r.at) OVER w AS previous_at, lead(r.at) OVER w AS next_at,
           lag(r.celsius < p.min_c OR r.celsius > p.max_c) OVER w AS previous_outside
      FROM temperature_reading r JOIN storage_place p ON p.id = r.place_id
    WINDOW w AS (PARTITION BY r.place_id ORDER BY r.at, r.logger)
), numbered AS (
    SELECT *, sum(CASE WHEN outside AND previous_outside IS NOT TRUE THEN 1 ELSE 0 END)
                  OVER (PARTITION BY place_id ORDER BY at) AS run
      FROM series
), ends AS (
    -- the first reading in range after each run, by run number (the run's last reading's next reading)
    SELECT place_id, run, min(at) FILTER (WHERE outside) AS started_at, max(at) FILTER (WHERE outside) AS last_outside_at,
           min(celsius) FILTER (WHERE outside) AS lowest_c, max(celsius) FILTER (WHERE outside) AS highest_c
      FROM numbered WHERE run > 0 GROUP BY place_id, run
)
SELECT e.place_id, 'OUT_OF_RANGE'::text AS kind, e.started_at,
       (SELECT min(s.at) FROM series s WHERE s.place_id = e.place_id AND s.at > e.last_outside_at AND NOT s.outside) AS ended_at,
       e.lowest_c, e.highest_c
  FROM ends e
UNION ALL
SELECT place_id, 'NO_READINGS', previous_at, at, NULL, NULL
  FROM series WHERE previous_at IS NOT NULL AND at - previous_at > make_interval(mins => max_gap_minutes)
UNION ALL
SELECT place_id, 'NO_READINGS', at, NULL, NULL, NULL
  FROM series WHERE next_at IS NULL AND now() - at > make_interval(mins => max_gap_minutes);
