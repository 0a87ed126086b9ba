-- Refresh tokens, stored only as SHA-256 hashes. Every use marks the token used and issues its child in the
-- same family; presenting a used token again revokes the whole family.
CREATE TABLE refresh_token (
    id          UUID        PRIMARY KEY,
    family_id   UUID        NOT NULL,
    agent_id    UUID        NOT NULL REFERENCES agent (id),
    parent_id   UUID,
    token_hash  TEXT        NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ
);

CREATE INDEX refresh_token_family ON refresh_token (family_id);
CREATE INDEX refresh_token_live_by_agent ON refresh_token (agent_id) WHERE revoked_at IS NULL;
CREATE INDEX refresh_token_expiry ON refresh_token (expires_at);
