-- Staff accounts and the append-only, hash-chained audit trail.

CREATE TABLE app_user (
    id            uuid        PRIMARY KEY,
    username      text        NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
    password_hash text        NOT NULL,
    active        boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL,
    created_by    text        NOT NULL
);

CREATE TABLE app_user_role (
    user_id uuid NOT NULL REFERENCES app_user (id),
    role    text NOT NULL CHECK (role IN ('NURSE', 'INVENTORY', 'QA', 'INTEGRATION', 'ADMIN')),
    PRIMARY KEY (user_id, role)
);

-- Every change of state appends one entry; hash = sha256 over the previous entry's hash and this
-- entry's fields, so that a rewritten, removed or inserted entry breaks the chain.
CREATE TABLE audit_entry (
    seq          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recorded_at  timestamptz NOT NULL,
    actor        text        NOT NULL,
    action       text        NOT NULL,
    subject_type text        NOT NULL,
    subject_id   text        NOT NULL,
    change       text        NOT NULL,
    digest       char(64)    NOT NULL,
    prev_hash    char(64)    NOT NULL,
    hash         char(64)    NOT NULL UNIQUE
);
CREATE INDEX audit_entry_subject ON audit_entry (subject_type, subject_id);
CREATE INDEX audit_entry_actor ON audit_entry (actor, recorded_at);
CREATE INDEX audit_entry_time ON audit_entry (recorded_at);

-- History is never rewritten: not by the service, not by a bug, not by a careless script.
CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'table % is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_entry_append_only
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER audit_entry_no_truncate
    BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
