-- Cell processing centres (CPC): where lots are made.

CREATE TABLE cpc (
    id             uuid        PRIMARY KEY,
    code           text        NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
    name           text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    licence_number text        NOT NULL CHECK (length(licence_number) BETWEEN 1 AND 64),
    country        char(2)     NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    created_at     timestamptz NOT NULL,
    created_by     text        NOT NULL
);
