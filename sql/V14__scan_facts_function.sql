-- The bedside scan's one statement (org.exotrace.bedside.control.Scanning), as a function so that it runs with a plan
-- made once per connection (ADR 0022). The pool's connections plan every statement for its own values (ADR 0012,
-- plan_cache_mode=force_custom_plan); for this statement that planning cost about 0.7 ms of PostgreSQL's CPU per scan,
-- six times the 0.12 ms the statement itself took (pg_stat_statements, bench database of 100 000 vials). Its generic
-- plan is the same plan: every table reached by a unique or partial index, the shelf of the earlier-expiring check a
-- column of the scanned row, never a parameter (EXPLAIN in docs/BENCHMARKS.md). The function's SET pins the generic
-- plan for its own statement only; PL/pgSQL keeps that plan for the connection and makes it again after an ANALYZE.
-- Columns in the order and of the types the service reads them (Scanning.facts).

CREATE FUNCTION scan_facts(scanned_gtin character(14), scanned_serial text, today date)
    RETURNS TABLE (vial_id uuid, gtin character(14), serial text, state text, location text,
                   lot_id uuid, lot_number text, lot_status text, expires_on date, cpc_code text, donor_source text,
                   product_id uuid, product_code text, product_name text, volume_ml numeric, particles_per_vial bigint,
                   routes text, earlier_on_hand boolean)
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
                      AND EXISTS (SELECT 1 FROM vial e WHERE e.lot_id = el.id AND e.location = v.location AND e.state = 'IN_STOCK'))
      FROM vial v JOIN lot l ON l.id = v.lot_id JOIN product p ON p.id = l.product_id JOIN cpc c ON c.id = l.cpc_id
     WHERE v.gtin = scanned_gtin AND v.serial = scanned_serial;
END
$$;
