-- The scan's "is an earlier-expiring vial of this product in stock on the same shelf?" (NOT_FIRST_EXPIRY).
-- Asked lot first: the product's released lots expiring earlier (few), then for each one whether any of its vials is in
-- stock at the location: one probe of this partial index. Asked vial first, PostgreSQL walked every in-stock vial of the
-- location (a sequential scan of vial when the location came from the scanned row: 24 ms at 66 000 vials, bench/run).

CREATE INDEX vial_in_stock_lot_location_idx ON vial (lot_id, location) WHERE state = 'IN_STOCK';

CREATE INDEX lot_released_product_expiry_idx ON lot (product_id, expires_on) WHERE status = 'RELEASED';
