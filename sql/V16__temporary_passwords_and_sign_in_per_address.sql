-- Issue 26: a password an ADMIN sets is temporary; a release signature made soon after an ADMIN reset the
-- signer's password is flagged; a sign-in lock on a name holds at one address, and an ADMIN can lift locks.

-- Set by an ADMIN (at creation or by a reset): sign-in answers PASSWORD_CHANGE_REQUIRED until the user
-- chose their own. Existing accounts keep their passwords as they are.
ALTER TABLE app_user ADD COLUMN password_temporary boolean NOT NULL DEFAULT false;
-- When and by whom an ADMIN last reset the password (NULL: never).
ALTER TABLE app_user ADD COLUMN password_reset_at timestamptz;
ALTER TABLE app_user ADD COLUMN password_reset_by text;
ALTER TABLE app_user ADD CONSTRAINT app_user_password_reset_check CHECK ((password_reset_at IS NULL) = (password_reset_by IS NULL));

-- When an ADMIN had last reset the signer's password, if that was within exotrace.release.reset-flag-window
-- before the signature (NULL: not so): the flag a reviewer sees.
ALTER TABLE lot_signature ADD COLUMN signer_password_reset_at timestamptz;

-- The address a lock was earned from. A lock on a name (USER) holds only for attempts from that address;
-- locks from before this migration (on a name everywhere) have none and are no longer read.
ALTER TABLE sign_in_lock ADD COLUMN address text CHECK (length(address) BETWEEN 1 AND 64);
CREATE INDEX sign_in_lock_name_address_idx ON sign_in_lock (subject, address, locked_at) WHERE subject_type = 'USER';
CREATE INDEX sign_in_attempt_name_address_idx ON sign_in_attempt (username, address, outcome, at);

-- An ADMIN lifted the locks on a name (at every address) or on an address: the failures and locks
-- before it no longer count.
CREATE TABLE sign_in_lock_lift (
    id           uuid        PRIMARY KEY,
    subject_type text        NOT NULL CHECK (subject_type IN ('USER', 'ADDRESS')),
    subject      text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 64),
    lifted_at    timestamptz NOT NULL,
    lifted_by    text        NOT NULL
);
CREATE INDEX sign_in_lock_lift_subject_idx ON sign_in_lock_lift (subject_type, subject, lifted_at);

CREATE TRIGGER sign_in_lock_lift_append_only BEFORE UPDATE OR DELETE ON sign_in_lock_lift
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER sign_in_lock_lift_no_truncate BEFORE TRUNCATE ON sign_in_lock_lift
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
