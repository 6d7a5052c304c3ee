-- Outbound events (webhooks): QA's release, rejection and recall of a lot, published to the configured URLs.
-- The event and one delivery per URL are written in the transaction of the decision itself (the outbox), so an
-- acknowledged decision is never without its event; a dispatcher sends them afterwards, at least once, with retries.

-- The event as it is sent: payload is the exact body, signed as it stands. Never changed.
CREATE TABLE webhook_event (
    id          uuid        PRIMARY KEY,
    event_type  text        NOT NULL CHECK (event_type IN ('LOT_RELEASED', 'LOT_REJECTED', 'LOT_RECALLED')),
    lot_number  text        NOT NULL,
    payload     text        NOT NULL,
    created_at  timestamptz NOT NULL
);

-- Where one event goes and how far it got: delivery bookkeeping, not regulatory data, so its status changes.
-- A PENDING row is due at next_attempt_at; a dispatcher that claims it moves next_attempt_at past its send
-- (a lease), so another instance does not send it at the same time.
CREATE TABLE webhook_delivery (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id        uuid        NOT NULL REFERENCES webhook_event (id),
    url             text        NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
    status          text        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL,
    last_attempt_at timestamptz,
    last_status     integer,
    last_error      text        CHECK (length(last_error) <= 500),
    delivered_at    timestamptz,
    UNIQUE (event_id, url),
    CHECK ((status = 'DELIVERED') = (delivered_at IS NOT NULL))
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_status_idx ON webhook_delivery (status, id);

-- Every attempt to send, appended: what the receiver answered (HTTP status) or why nothing came back.
CREATE TABLE webhook_attempt (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id bigint      NOT NULL REFERENCES webhook_delivery (id),
    attempt     integer     NOT NULL CHECK (attempt >= 1),
    at          timestamptz NOT NULL,
    http_status integer,
    error       text        CHECK (length(error) <= 500),
    duration_ms integer     NOT NULL CHECK (duration_ms >= 0),
    UNIQUE (delivery_id, attempt)
);

CREATE TRIGGER webhook_event_append_only BEFORE UPDATE OR DELETE ON webhook_event
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER webhook_event_no_truncate BEFORE TRUNCATE ON webhook_event
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER webhook_attempt_append_only BEFORE UPDATE OR DELETE ON webhook_attempt
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER webhook_attempt_no_truncate BEFORE TRUNCATE ON webhook_attempt
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
