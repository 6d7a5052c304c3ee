-- The sealed audit trail (docs/adr/0038). Writers append entries without a lock and without a hash chain; the service's
-- sealer gives each committed entry its position in the log and a seal, HMAC-SHA256 with a key kept outside the
-- database, chained over the seal before it, and signs a checkpoint (size, root = last seal, time) over the whole log.
-- Entries written before this migration keep their hash chain: the sealer verifies it once and seals them first.

ALTER TABLE audit_entry ALTER COLUMN prev_hash DROP NOT NULL, ALTER COLUMN hash DROP NOT NULL;

CREATE TABLE audit_seal (
    position bigint   PRIMARY KEY CHECK (position > 0),
    seq      bigint   NOT NULL UNIQUE REFERENCES audit_entry (seq),
    seal     char(64) NOT NULL
);

CREATE TABLE audit_checkpoint (
    size    bigint      PRIMARY KEY CHECK (size > 0),
    root    char(64)    NOT NULL,
    made_at timestamptz NOT NULL,
    mac     char(64)    NOT NULL,
    key_id  text        NOT NULL
);

CREATE TRIGGER audit_seal_append_only
    BEFORE UPDATE OR DELETE ON audit_seal
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER audit_seal_no_truncate
    BEFORE TRUNCATE ON audit_seal
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER audit_checkpoint_append_only
    BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER audit_checkpoint_no_truncate
    BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
