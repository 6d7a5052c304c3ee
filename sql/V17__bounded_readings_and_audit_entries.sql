-- Numbers are stored as the number that was judged: a QC reading and a specification's limits have at most 18 digits
-- before the decimal point and 12 after it (org.exotrace.catalog.entity.AssaySpec.storable refuses the others first).
-- An audit entry's change is at most 16 KiB (AuditTrail.MAX_CHANGE_BYTES): entries can never be removed.
-- NOT VALID: rows already written are history and stay as they are; every new row is checked.
ALTER TABLE qc_result ADD CONSTRAINT qc_result_value_bounded
    CHECK (value IS NULL OR (scale(value) <= 12 AND abs(value) < 1e18)) NOT VALID;
ALTER TABLE product_assay_spec ADD CONSTRAINT product_assay_spec_limits_bounded
    CHECK ((min_value IS NULL OR (scale(min_value) <= 12 AND abs(min_value) < 1e18))
       AND (max_value IS NULL OR (scale(max_value) <= 12 AND abs(max_value) < 1e18))) NOT VALID;
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_change_bounded
    CHECK (octet_length(change) <= 16384) NOT VALID;
