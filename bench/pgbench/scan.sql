-- The least SQL a scan verdict needs, as the service sends it (org.exotrace.bedside.control.Scanning):
-- (run with -M prepared, as the service's driver sends them) the vial with its lot, product, CPC and routes by (gtin, serial), and whether an earlier-expiring vial
-- of the product is on the same shelf. Variables: gtin, lot (-D), vials (-D); a random serial each time.
\set k random(0, :vials - 1)
SELECT v.id, v.gtin, v.serial, v.state, v.location, l.id, l.lot_number, l.status, l.expires_on, c.code, l.donor_source,
       p.id, p.code, p.name, p.volume_ml, p.particles_per_vial,
       (SELECT string_agg(r.route, ',') FROM product_route r WHERE r.product_id = p.id)
  FROM vial v JOIN lot l ON l.id = v.lot_id JOIN product p ON p.id = l.product_id JOIN cpc c ON c.id = l.cpc_id
 WHERE v.gtin = :gtin AND v.serial = :lot::text || '-' || lpad(:k::text, 5, '0');
SELECT EXISTS (SELECT 1 FROM vial v JOIN lot l ON l.id = v.lot_id
                WHERE v.location = 'SHELF-' || :tag::text AND v.state = 'IN_STOCK' AND l.product_id = (SELECT id FROM product WHERE gtin = :gtin)
                  AND l.status = 'RELEASED' AND l.expires_on < current_date + 180 AND l.expires_on >= current_date);
