-- The least SQL a scan verdict needs, as the service runs it (the function scan_facts, sql/V14, called by
-- org.exotrace.bedside.control.Scanning.scan): one statement, the vial with its lot, product, CPC and routes by (gtin,
-- serial), whether an earlier-expiring vial of the product is on the same shelf, and whether the vial is on a
-- temperature hold (V27). Run with -M prepared and
-- plan_cache_mode=force_generic_plan (bench/run), the plan the function keeps per connection. Variables: gtin, lot (-D),
-- vials (-D); a random serial each time.
\set k random(0, :vials - 1)
SELECT v.id, v.gtin, v.serial, v.state, v.location, l.id, l.lot_number, l.status, l.expires_on, c.code, l.donor_source,
       p.id, p.code, p.name, p.volume_ml, p.particles_per_vial,
       (SELECT string_agg(r.route, ',') FROM product_route r WHERE r.product_id = p.id),
       EXISTS (SELECT 1 FROM lot el
                WHERE el.product_id = l.product_id AND el.status = 'RELEASED' AND el.expires_on < l.expires_on
                  AND el.expires_on >= current_date
                  AND EXISTS (SELECT 1 FROM vial e WHERE e.lot_id = el.id AND e.location = v.location AND e.state = 'IN_STOCK')),
       EXISTS (SELECT 1 FROM temperature_hold_open h WHERE h.vial_id = v.id)
  FROM vial v JOIN lot l ON l.id = v.lot_id JOIN product p ON p.id = l.product_id JOIN cpc c ON c.id = l.cpc_id
 WHERE v.gtin = :gtin AND v.serial = :lot::text || '-' || lpad(:k::text, 5, '0');
