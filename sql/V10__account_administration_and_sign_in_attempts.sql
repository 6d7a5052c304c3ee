-- Accounts an ADMIN administers, and sign-in attempts for lock-out.

-- A bearer token is honoured only while its user is active and was issued under the user's current
-- credentials: a password reset, a change of roles or a disable moves this instant, and every token
-- issued before it is refused. Existing users keep their tokens: the instant starts at creation.
ALTER TABLE app_user ADD COLUMN credentials_changed_at timestamptz;
UPDATE app_user SET credentials_changed_at = created_at;
ALTER TABLE app_user ALTER COLUMN credentials_changed_at SET NOT NULL;

-- Every sign-in attempt, by the name tried (lower case; unknown names too) and the connection's
-- address. FAILED is a password that was checked and wrong (or a name that does not exist); LOCKED an
-- attempt refused unchecked during a lock. Rows are only ever added, so several instances count alike.
CREATE TABLE sign_in_attempt (
    id       uuid        PRIMARY KEY,
    username text        NOT NULL CHECK (length(username) BETWEEN 1 AND 64),
    address  text        NOT NULL CHECK (length(address) BETWEEN 1 AND 64),
    at       timestamptz NOT NULL,
    outcome  text        NOT NULL CHECK (outcome IN ('SUCCEEDED', 'FAILED', 'LOCKED'))
);
CREATE INDEX sign_in_attempt_user_idx ON sign_in_attempt (username, outcome, at);
CREATE INDEX sign_in_attempt_address_idx ON sign_in_attempt (address, outcome, at);

-- Each lock as it began: on a user name or on an address, until when, and its level (1 for the first
-- of a run; each further level lasts twice as long).
CREATE TABLE sign_in_lock (
    id           uuid        PRIMARY KEY,
    subject_type text        NOT NULL CHECK (subject_type IN ('USER', 'ADDRESS')),
    subject      text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 64),
    locked_at    timestamptz NOT NULL,
    until        timestamptz NOT NULL,
    level        integer     NOT NULL CHECK (level >= 1),
    CHECK (until > locked_at)
);
CREATE INDEX sign_in_lock_subject_idx ON sign_in_lock (subject_type, subject, locked_at);

CREATE TRIGGER sign_in_attempt_append_only BEFORE UPDATE OR DELETE ON sign_in_attempt
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER sign_in_attempt_no_truncate BEFORE TRUNCATE ON sign_in_attempt
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER sign_in_lock_append_only BEFORE UPDATE OR DELETE ON sign_in_lock
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER sign_in_lock_no_truncate BEFORE TRUNCATE ON sign_in_lock
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
