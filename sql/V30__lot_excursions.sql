-- Cold chain, reports (issue 34): the excursions a lot's vials lived through, for the lot report. coldchain's views,
-- read by SQL from trace as bedside reads coldchain's hold view: an excursion a vial lived through is one that holds it
-- (temperature_hold, V27: a hold for every vial that stayed in the place while the excursion was open).

-- An excursion's length in whole minutes, rounded up (a 30 min 20 s excursion is 31: QA weighs it against stability data
-- that allow so many minutes), until now while it is open. The place's excursion list and lot_excursion say it alike.
CREATE FUNCTION excursion_minutes(started_at timestamptz, ended_at timestamptz) RETURNS integer LANGUAGE sql STABLE AS $$
    SELECT ceil(extract(epoch FROM coalesce(ended_at, now()) - started_at) / 60)::integer;
$$;

-- One row per lot and excursion that holds vials of the lot: the place, how many of the lot's vials it held and how
-- many of them are still held (temperature_hold_open), and the excursion as the readings show it now (place_excursions, V27/V28,
-- named by place, kind and start as QA's disposition names it): open while it lasts; minutes its length, rounded up,
-- until now while open. A hold that lapsed (late readings no longer show its excursion, V28, ADR 0045) is not counted:
-- the vial did not live through it. When the readings no longer show an excursion QA had already disposed of (its
-- holds do not lapse), its end, lowest, highest and minutes are null and it is not open.
CREATE VIEW lot_excursion AS
SELECT held.lot_id, held.place_id, p.code AS place_code, p.name AS place_name, p.min_c, p.max_c, held.kind, held.started_at,
       e.ended_at, e.lowest_c, e.highest_c, e.started_at IS NOT NULL AND e.ended_at IS NULL AS open,
       CASE WHEN e.started_at IS NOT NULL THEN excursion_minutes(held.started_at, e.ended_at) END AS minutes,
       held.held_vials, held.still_held
  FROM (SELECT v.lot_id, h.place_id, h.kind, h.started_at, count(*)::integer AS held_vials,
               count(o.vial_id)::integer AS still_held
          FROM temperature_hold h
          JOIN vial v ON v.id = h.vial_id
          LEFT JOIN temperature_hold_open o
                 ON o.vial_id = h.vial_id AND o.place_id = h.place_id AND o.kind = h.kind AND o.started_at = h.started_at
         WHERE NOT EXISTS (SELECT 1 FROM temperature_hold_lapsed x
                            WHERE x.vial_id = h.vial_id AND x.place_id = h.place_id AND x.kind = h.kind AND x.started_at = h.started_at)
         GROUP BY v.lot_id, h.place_id, h.kind, h.started_at) held
  JOIN storage_place p ON p.id = held.place_id
  LEFT JOIN LATERAL (SELECT x.started_at, x.ended_at, x.lowest_c, x.highest_c FROM place_excursions(held.place_id, held.started_at) x
                      WHERE x.kind = held.kind AND x.started_at = held.started_at LIMIT 1) e ON true;

-- One row per lot and disposition that ended holds of the lot's vials: QA's signed decision on the excursion (place,
-- kind, start) and how many of the lot's vials it released or wasted.
CREATE VIEW lot_excursion_disposition AS
SELECT v.lot_id, x.place_id, x.kind, x.started_at, x.id AS disposition_id, x.decision, x.justification, x.signed_by, x.signed_at,
       count(*)::integer AS vials
  FROM temperature_hold_disposed d
  JOIN vial v ON v.id = d.vial_id
  JOIN excursion_disposition x ON x.id = d.disposition_id
 GROUP BY v.lot_id, x.id;
