-- The conversations schema. Tables named replica_* are local copies of other services' state, built only from their
-- events (zendo.websites, zendo.identity) by the inbox consumer; nothing else writes them.

CREATE TABLE replica_websites (
    website_id       UUID PRIMARY KEY,
    name             TEXT        NOT NULL,
    domains          TEXT[]      NOT NULL DEFAULT '{}',
    allowed_origins  TEXT[]      NOT NULL DEFAULT '{}',
    -- WidgetSettings as protobuf JSON (the event's own field names).
    widget           JSONB       NOT NULL DEFAULT '{}',
    default_group_id UUID,
    deleted          BOOLEAN     NOT NULL DEFAULT FALSE,
    updated_at       TIMESTAMPTZ NOT NULL
);

-- Public keys in full, secret keys only as SHA-256 (the same hash websites stores). A key with no expiry is current;
-- a rotated one works until expires_at; a revoked one never again.
CREATE TABLE replica_keys (
    key_id      TEXT PRIMARY KEY,
    website_id  UUID        NOT NULL REFERENCES replica_websites (website_id) ON DELETE CASCADE,
    kind        TEXT        NOT NULL CHECK (kind IN ('PUBLIC', 'SECRET')),
    public_key  TEXT UNIQUE,
    secret_hash BYTEA UNIQUE,
    expires_at  TIMESTAMPTZ,
    revoked     BOOLEAN     NOT NULL DEFAULT FALSE,
    CHECK ((kind = 'PUBLIC') = (public_key IS NOT NULL)),
    CHECK ((kind = 'SECRET') = (secret_hash IS NOT NULL))
);

CREATE INDEX replica_keys_website ON replica_keys (website_id);

CREATE TABLE replica_members (
    website_id           UUID    NOT NULL REFERENCES replica_websites (website_id) ON DELETE CASCADE,
    agent_id             TEXT    NOT NULL,
    role                 TEXT    NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'SUPERVISOR', 'AGENT', 'VIEWER')),
    max_concurrent_chats INTEGER NOT NULL,
    accepting_chats      BOOLEAN NOT NULL,
    PRIMARY KEY (website_id, agent_id)
);

CREATE INDEX replica_members_agent ON replica_members (agent_id);

CREATE TABLE replica_groups (
    group_id   UUID PRIMARY KEY,
    website_id UUID    NOT NULL REFERENCES replica_websites (website_id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    routing    TEXT    NOT NULL CHECK (routing IN ('ROUND_ROBIN', 'LEAST_LOADED', 'STICKY')),
    is_default BOOLEAN NOT NULL,
    deleted    BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE INDEX replica_groups_website ON replica_groups (website_id);

CREATE TABLE replica_group_members (
    group_id UUID NOT NULL REFERENCES replica_groups (group_id) ON DELETE CASCADE,
    agent_id TEXT NOT NULL,
    PRIMARY KEY (group_id, agent_id)
);

CREATE INDEX replica_group_members_agent ON replica_group_members (agent_id);

-- Agents' public profile from zendo.identity.
CREATE TABLE replica_agents (
    agent_id   TEXT PRIMARY KEY,
    name       TEXT    NOT NULL,
    avatar_url TEXT,
    disabled   BOOLEAN NOT NULL DEFAULT FALSE
);

-- A visitor of one website. Unverified claims (claimed_*) are shown, never used to find anyone; external_id is set only
-- from a verified identity token. merged_into points at the canonical record after a merge.
CREATE TABLE visitors (
    id                  UUID PRIMARY KEY,
    website_id          UUID        NOT NULL,
    label               TEXT        NOT NULL,
    name                TEXT,
    email               TEXT,
    phone               TEXT,
    external_id         TEXT,
    claimed_external_id TEXT,
    claimed_email       TEXT,
    attributes          JSONB       NOT NULL DEFAULT '{}',
    user_agent          TEXT,
    client_ip           INET,
    locale              TEXT,
    merged_into         UUID REFERENCES visitors (id),
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    last_seen_at        TIMESTAMPTZ NOT NULL,
    search              TSVECTOR GENERATED ALWAYS AS (
        to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(email, '') || ' ' || label)) STORED
);

CREATE UNIQUE INDEX visitors_external ON visitors (website_id, external_id) WHERE external_id IS NOT NULL AND merged_into IS NULL;
CREATE INDEX visitors_search ON visitors USING GIN (search);
CREATE INDEX visitors_website ON visitors (website_id, created_at);

CREATE TABLE page_views (
    id         BIGSERIAL PRIMARY KEY,
    visitor_id UUID        NOT NULL REFERENCES visitors (id),
    website_id UUID        NOT NULL,
    url        TEXT        NOT NULL,
    title      TEXT,
    referrer   TEXT,
    viewed_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX page_views_visitor ON page_views (visitor_id, viewed_at DESC);

-- The long-lived relationship between one visitor and one website; it holds consecutive threads. Its row is the lock
-- under which seq is assigned. The current thread's state is copied here so inbox lists read one table.
CREATE TABLE conversations (
    id                   UUID PRIMARY KEY,
    website_id           UUID        NOT NULL,
    visitor_id           UUID        NOT NULL REFERENCES visitors (id),
    last_seq             BIGINT      NOT NULL DEFAULT 0,
    current_thread_id    UUID,
    status               TEXT        NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'RESOLVED', 'CLOSED')),
    group_id             UUID,
    agent_id             TEXT,
    last_message_at      TIMESTAMPTZ NOT NULL,
    last_message_preview TEXT,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    UNIQUE (website_id, visitor_id)
);

-- Inbox lists: by status (queue, all open, closed), by agent (mine), newest activity first, keyset-paginated.
CREATE INDEX conversations_inbox ON conversations (website_id, status, last_message_at DESC, id DESC);
CREATE INDEX conversations_agent ON conversations (website_id, agent_id, status, last_message_at DESC, id DESC) WHERE agent_id IS NOT NULL;
CREATE INDEX conversations_group ON conversations (website_id, group_id, status, last_message_at DESC, id DESC);

-- One support session: PENDING (queued), ACTIVE (an agent has it), then RESOLVED or CLOSED.
CREATE TABLE threads (
    id              UUID PRIMARY KEY,
    conversation_id UUID        NOT NULL REFERENCES conversations (id),
    website_id      UUID        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'RESOLVED', 'CLOSED')),
    group_id        UUID,
    agent_id        TEXT,
    opened_at       TIMESTAMPTZ NOT NULL,
    -- When it entered its group's queue; the queue drains in this order.
    queued_at       TIMESTAMPTZ,
    assigned_at     TIMESTAMPTZ,
    closed_at       TIMESTAMPTZ,
    closed_by_kind  TEXT CHECK (closed_by_kind IN ('AGENT', 'VISITOR', 'SYSTEM', 'BOT')),
    closed_by_id    TEXT,
    close_reason    TEXT,
    rating          SMALLINT CHECK (rating BETWEEN 1 AND 5),
    rating_comment  TEXT,
    rated_at        TIMESTAMPTZ
);

CREATE INDEX threads_conversation ON threads (conversation_id, opened_at DESC);
CREATE INDEX threads_queue ON threads (website_id, group_id, queued_at, id) WHERE status = 'PENDING';
CREATE INDEX threads_agent_active ON threads (website_id, agent_id) WHERE status = 'ACTIVE';

-- seq is strictly increasing and gap-free per conversation. A client_msg_id is stored once per conversation.
CREATE TABLE messages (
    id              UUID PRIMARY KEY,
    conversation_id UUID        NOT NULL REFERENCES conversations (id),
    thread_id       UUID        NOT NULL REFERENCES threads (id),
    website_id      UUID        NOT NULL,
    seq             BIGINT      NOT NULL,
    client_msg_id   TEXT,
    author_kind     TEXT        NOT NULL CHECK (author_kind IN ('VISITOR', 'AGENT', 'SYSTEM', 'BOT')),
    author_id       TEXT,
    author_name     TEXT,
    kind            TEXT        NOT NULL CHECK (kind IN ('TEXT', 'NOTE', 'SYSTEM')),
    body            TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    search          TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED,
    UNIQUE (conversation_id, seq),
    UNIQUE (conversation_id, client_msg_id)
);

CREATE INDEX messages_search ON messages USING GIN (search);
CREATE INDEX messages_website ON messages (website_id, created_at DESC);

-- How far each participant has read: the visitor (reader_kind VISITOR) and each agent.
CREATE TABLE read_cursors (
    conversation_id UUID        NOT NULL REFERENCES conversations (id),
    reader_kind     TEXT        NOT NULL CHECK (reader_kind IN ('VISITOR', 'AGENT')),
    reader_id       TEXT        NOT NULL,
    seq             BIGINT      NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (conversation_id, reader_kind, reader_id)
);

CREATE TABLE tags (
    id         UUID PRIMARY KEY,
    website_id UUID        NOT NULL,
    name       TEXT        NOT NULL,
    color      TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    deleted_at TIMESTAMPTZ
);

CREATE UNIQUE INDEX tags_name ON tags (website_id, lower(name)) WHERE deleted_at IS NULL;

CREATE TABLE conversation_tags (
    conversation_id UUID        NOT NULL REFERENCES conversations (id),
    tag_id          UUID        NOT NULL REFERENCES tags (id),
    tagged_by       TEXT        NOT NULL,
    tagged_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (conversation_id, tag_id)
);

CREATE INDEX conversation_tags_tag ON conversation_tags (tag_id, conversation_id);

-- Round-robin position per group: the member who got the group's last thread.
CREATE TABLE routing_cursors (
    group_id      UUID PRIMARY KEY,
    last_agent_id TEXT        NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

-- Per-website identity-verification secrets, encrypted at rest; one current (expires_at NULL), earlier ones until
-- their overlap ends.
CREATE TABLE identity_secrets (
    id         UUID PRIMARY KEY,
    website_id UUID        NOT NULL,
    ciphertext BYTEA       NOT NULL,
    hint       TEXT        NOT NULL,
    created_by TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ
);

CREATE UNIQUE INDEX identity_secrets_current ON identity_secrets (website_id) WHERE expires_at IS NULL;

-- Who did what, when: server API calls, visitor merges, secret rotations.
CREATE TABLE audit_log (
    id          BIGSERIAL PRIMARY KEY,
    website_id  UUID        NOT NULL,
    actor_kind  TEXT        NOT NULL CHECK (actor_kind IN ('AGENT', 'VISITOR', 'SYSTEM', 'BOT', 'SERVER_KEY')),
    actor_id    TEXT,
    action      TEXT        NOT NULL,
    target_type TEXT,
    target_id   TEXT,
    detail      JSONB       NOT NULL DEFAULT '{}',
    occurred_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX audit_log_website ON audit_log (website_id, occurred_at DESC);
