-- Superseded by the inbox library's own tables (db/inbox): events are deduplicated in inbox_processed.
DROP TABLE processed_event;

-- Replica of identity's agents: where and how to write to them.
CREATE TABLE agent (
    id             TEXT    PRIMARY KEY,
    email          TEXT    NOT NULL DEFAULT '',
    name           TEXT    NOT NULL DEFAULT '',
    email_verified BOOLEAN NOT NULL DEFAULT false,
    disabled       BOOLEAN NOT NULL DEFAULT false
);

-- Replica of websites: the name mails show, the language visitor mails use, and whether it still exists.
CREATE TABLE website (
    id       UUID    PRIMARY KEY,
    name     TEXT    NOT NULL,
    language TEXT    NOT NULL DEFAULT 'en',
    deleted  BOOLEAN NOT NULL DEFAULT false
);

-- Replica of memberships: who may read a website's notification log, and who hears about its conversations.
CREATE TABLE member (
    website_id UUID NOT NULL,
    agent_id   TEXT NOT NULL,
    role       TEXT NOT NULL,
    PRIMARY KEY (website_id, agent_id)
);
CREATE INDEX member_agent ON member (agent_id);

-- Every notification decided, once per dedupe key (recipient, kind, source event, channel), with its outcome.
CREATE TABLE notification (
    id                 UUID        PRIMARY KEY,
    dedupe_key         TEXT        NOT NULL UNIQUE,
    website_id         UUID,
    kind               TEXT        NOT NULL,
    channel            TEXT        NOT NULL,
    event_id           TEXT        NOT NULL,
    recipient_agent_id TEXT,
    recipient_email    TEXT        NOT NULL,
    status             TEXT        NOT NULL CHECK (status IN ('queued', 'delivered', 'suppressed', 'failed')),
    reason             TEXT,
    attempts           INT         NOT NULL DEFAULT 0,
    occurred_at        TIMESTAMPTZ NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX notification_website ON notification (website_id, created_at DESC, id DESC) WHERE website_id IS NOT NULL;

-- Mail waiting for the SMTP server. A row is deleted once the server accepted it or it was given up, so the links
-- it carries (invitations, resets) do not linger.
CREATE TABLE outgoing_mail (
    notification_id  UUID        PRIMARY KEY REFERENCES notification (id) ON DELETE CASCADE,
    recipient        TEXT        NOT NULL,
    subject          TEXT        NOT NULL,
    text_body        TEXT        NOT NULL,
    html_body        TEXT        NOT NULL,
    unsubscribe_url  TEXT,
    attempts         INT         NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_error       TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX outgoing_mail_due ON outgoing_mail (next_attempt_at);
