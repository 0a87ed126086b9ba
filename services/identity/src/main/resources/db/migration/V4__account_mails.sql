-- Email verification, password reset and sign-in by emailed code. Each agent has at most one open secret of each kind
-- (a new request replaces it); only hashes are stored, and a row is deleted when it is used or, by the janitor, once
-- it has expired.
ALTER TABLE agent ADD COLUMN email_verified_at TIMESTAMPTZ;

CREATE TABLE email_verification (
    agent_id    UUID        PRIMARY KEY REFERENCES agent (id),
    email       TEXT        NOT NULL,
    token_hash  TEXT        NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX email_verification_expiry ON email_verification (expires_at);

CREATE TABLE password_reset (
    agent_id    UUID        PRIMARY KEY REFERENCES agent (id),
    token_hash  TEXT        NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX password_reset_expiry ON password_reset (expires_at);

-- code_hash is SHA-256 over the row's random salt and the code, so equal codes never hash alike.
CREATE TABLE sign_in_code (
    agent_id        UUID        PRIMARY KEY REFERENCES agent (id),
    salt            TEXT        NOT NULL,
    code_hash       TEXT        NOT NULL,
    failed_attempts INT         NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX sign_in_code_expiry ON sign_in_code (expires_at);
