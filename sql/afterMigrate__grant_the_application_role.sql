-- What the application's role (exotrace.db.user) may do: only what the model does (docs/adr/0027). Flyway runs this as
-- the owner role (exotrace.db.owner-user) after every migrate, so a role given later gets it too; with one user for
-- both (the single-user set-up) it changes nothing. The role owns nothing, so it can neither disable a trigger nor
-- alter a table. A table a new migration adds gets its line here: EmbeddedDatabaseAccessTest fails for one it cannot read.

-- Ledgers and history: appended, never changed (their triggers refuse it too; without the privilege nobody gets that far).
GRANT SELECT, INSERT ON audit_entry, audit_seal, audit_checkpoint, stock_movement, qc_result, lot_signature, lot_decision,
    administration, administration_vial, recall_notification, sign_in_attempt, sign_in_lock, sign_in_lock_lift, webhook_event,
    webhook_attempt, label_print, label_print_vial, storage_place, temperature_reading, dose_correction, temperature_hold, excursion_disposition,
    temperature_hold_disposed, excursion_notice, temperature_hold_lapsed
    TO "${appRole}";

-- The catalogue: written once.
GRANT SELECT, INSERT ON cpc, product, product_donor_source, product_route, product_assay_spec TO "${appRole}";

-- Rows an entity's verb changes (Lot.release, Vial.administer, AppUser.disable), a delivery's next attempt, a retried
-- idempotency key (INSERT ... ON CONFLICT DO UPDATE); SELECT ... FOR UPDATE on them needs UPDATE too.
GRANT SELECT, INSERT, UPDATE ON app_user, lot, vial, webhook_delivery, idempotency_key TO "${appRole}";

-- A user's roles: EclipseLink deletes and inserts the collection's rows when they change (AppUser.changeRoles).
GRANT SELECT, INSERT, DELETE ON app_user_role TO "${appRole}";

-- Read views, each owned by the capability that writes its tables (ADR 0036).
GRANT SELECT ON dose_line, temperature_excursion, vial_stay, temperature_hold_open, lot_excursion, lot_excursion_disposition TO "${appRole}";

-- Sequences: serial numbers of received vials (nextval), and the identity columns' (EclipseLink reads the id it was
-- given with lastval()). No UPDATE: setval stays the owner's.
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "${appRole}";
