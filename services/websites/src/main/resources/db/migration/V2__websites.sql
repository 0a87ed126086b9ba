-- Websites (tenants) and everything configured inside one. Deleting a website row (the purge) removes it all.
CREATE TABLE websites (
    id              UUID PRIMARY KEY,
    name            TEXT        NOT NULL,
    domains         TEXT[]      NOT NULL,
    allowed_origins TEXT[]      NOT NULL,
    widget          JSONB       NOT NULL,
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    deleted_at      TIMESTAMPTZ
);

CREATE INDEX websites_deleted ON websites (deleted_at) WHERE deleted_at IS NOT NULL;

-- Agents are known by identity's id and what their token said when they joined; never by identity's tables.
CREATE TABLE members (
    id                   UUID PRIMARY KEY,
    website_id           UUID        NOT NULL REFERENCES websites (id) ON DELETE CASCADE,
    agent_id             TEXT        NOT NULL,
    email                TEXT        NOT NULL,
    name                 TEXT        NOT NULL,
    role                 TEXT        NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'SUPERVISOR', 'AGENT', 'VIEWER')),
    max_concurrent_chats INTEGER     NOT NULL CHECK (max_concurrent_chats BETWEEN 0 AND 100),
    accepting_chats      BOOLEAN     NOT NULL,
    joined_at            TIMESTAMPTZ NOT NULL,
    UNIQUE (website_id, agent_id)
);

CREATE INDEX members_agent ON members (agent_id);

-- Public keys in full; secret keys only as SHA-256. The current key of a kind has no expiry; exactly one exists.
CREATE TABLE api_keys (
    id          UUID PRIMARY KEY,
    website_id  UUID        NOT NULL REFERENCES websites (id) ON DELETE CASCADE,
    kind        TEXT        NOT NULL CHECK (kind IN ('PUBLIC', 'SECRET')),
    public_key  TEXT UNIQUE,
    secret_hash BYTEA UNIQUE,
    hint        TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ,
    CHECK ((kind = 'PUBLIC') = (public_key IS NOT NULL)),
    CHECK ((kind = 'SECRET') = (secret_hash IS NOT NULL))
);

CREATE UNIQUE INDEX api_keys_current ON api_keys (website_id, kind) WHERE expires_at IS NULL;

-- Invitation tokens only as SHA-256.
CREATE TABLE invitations (
    id          UUID PRIMARY KEY,
    website_id  UUID        NOT NULL REFERENCES websites (id) ON DELETE CASCADE,
    email       TEXT        NOT NULL,
    role        TEXT        NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'SUPERVISOR', 'AGENT', 'VIEWER')),
    token_hash  BYTEA       NOT NULL UNIQUE,
    invited_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    accepted_at TIMESTAMPTZ,
    accepted_by TEXT,
    revoked_at  TIMESTAMPTZ
);

CREATE UNIQUE INDEX invitations_open ON invitations (website_id, email) WHERE accepted_at IS NULL AND revoked_at IS NULL;

CREATE TABLE agent_groups (
    id            UUID PRIMARY KEY,
    website_id    UUID        NOT NULL REFERENCES websites (id) ON DELETE CASCADE,
    name          TEXT        NOT NULL,
    routing       TEXT        NOT NULL CHECK (routing IN ('ROUND_ROBIN', 'LEAST_LOADED', 'STICKY')),
    default_group BOOLEAN     NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

CREATE UNIQUE INDEX agent_groups_name ON agent_groups (website_id, lower(name));
CREATE UNIQUE INDEX agent_groups_default ON agent_groups (website_id) WHERE default_group;

-- Only members can be in a group; leaving the website leaves its groups.
CREATE TABLE group_members (
    group_id   UUID NOT NULL REFERENCES agent_groups (id) ON DELETE CASCADE,
    website_id UUID NOT NULL,
    agent_id   TEXT NOT NULL,
    PRIMARY KEY (group_id, agent_id),
    FOREIGN KEY (website_id, agent_id) REFERENCES members (website_id, agent_id) ON DELETE CASCADE
);

CREATE INDEX group_members_agent ON group_members (website_id, agent_id);

CREATE TABLE canned_responses (
    id         UUID PRIMARY KEY,
    website_id UUID        NOT NULL REFERENCES websites (id) ON DELETE CASCADE,
    shortcut   TEXT        NOT NULL,
    text       TEXT        NOT NULL,
    created_by TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- Serves both uniqueness (any case) and prefix search (LIKE 'abc%').
CREATE UNIQUE INDEX canned_responses_shortcut ON canned_responses (website_id, lower(shortcut) text_pattern_ops);
