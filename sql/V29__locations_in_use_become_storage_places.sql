-- Cold chain (issue 34, ADR 0048): every location vials are kept at is a storage place. A location written as free text
-- before places existed (or written since at a receipt, move or count, without registering it) is kept as a place
-- record of its own, *in use*: its code is the text exactly as written, its name the same, and it has no kind, range or
-- logger gap, so nothing is judged there (no readings are taken for it, no product range is checked against it).
-- Registering the code later (POST /api/locations) adds a second record for the same code, the registered one, with its
-- kind and range; the in-use record stays as the evidence of when the location was first used. Nothing is updated: the
-- ledger and the vials keep their locations as written, and each names its place by code.

ALTER TABLE storage_place DROP CONSTRAINT storage_place_code_key;
ALTER TABLE storage_place DROP CONSTRAINT storage_place_code_check;
ALTER TABLE storage_place ALTER COLUMN kind DROP NOT NULL, ALTER COLUMN min_c DROP NOT NULL, ALTER COLUMN max_c DROP NOT NULL,
    ALTER COLUMN max_gap_minutes DROP NOT NULL;
-- a registered place's code is of the place format (checked where it is registered); an in-use one is the location as
-- written (1 to 64 characters, as vial.location), and a place registered for it takes that same code
ALTER TABLE storage_place ADD CONSTRAINT storage_place_code_check CHECK (length(code) BETWEEN 1 AND 64);
ALTER TABLE storage_place ADD CONSTRAINT storage_place_registered_or_in_use CHECK (
    (kind IS NULL) = (min_c IS NULL) AND (kind IS NULL) = (max_c IS NULL) AND (kind IS NULL) = (max_gap_minutes IS NULL));
-- at most one registered place and one in-use record a code
CREATE UNIQUE INDEX storage_place_registered_code ON storage_place (code) WHERE kind IS NOT NULL;
CREATE UNIQUE INDEX storage_place_in_use_code ON storage_place (code) WHERE kind IS NULL;

-- The locations in use that no place is registered for, from the ledger (every location a vial went to or came from)
-- and the vials (where each is now), first used when the ledger first names them (a location only a vial names: now).
INSERT INTO storage_place (id, code, name, created_at, created_by)
SELECT gen_random_uuid(), u.location, left(u.location, 100), min(u.at), 'migration V29'
  FROM (SELECT to_location AS location, at FROM stock_movement WHERE to_location IS NOT NULL
        UNION ALL
        SELECT from_location, at FROM stock_movement WHERE from_location IS NOT NULL
        UNION ALL
        SELECT location, now() FROM vial) u
 WHERE NOT EXISTS (SELECT 1 FROM storage_place p WHERE p.code = u.location)
 GROUP BY u.location;
