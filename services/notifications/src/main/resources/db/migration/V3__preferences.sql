-- What each member chose to hear about by email, per website; a kind without a row is off (opt-in).
CREATE TABLE notification_preference (
    agent_id   TEXT        NOT NULL,
    website_id UUID        NOT NULL,
    kind       TEXT        NOT NULL,
    email      BOOLEAN     NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (agent_id, website_id, kind)
);

-- The one-click unsubscribe link of one mail: only the token's SHA-256 is kept, and only for a while.
CREATE TABLE unsubscribe_token (
    token_sha256 BYTEA       PRIMARY KEY,
    agent_id     TEXT        NOT NULL,
    website_id   UUID        NOT NULL,
    kind         TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX unsubscribe_token_created ON unsubscribe_token (created_at);
