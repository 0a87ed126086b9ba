-- Replica of groups' members (websites' GroupChanged): who hears about an offline message left in a group's thread.
CREATE TABLE group_member (
    group_id   TEXT NOT NULL,
    website_id UUID NOT NULL,
    agent_id   TEXT NOT NULL,
    PRIMARY KEY (group_id, agent_id)
);

-- Where replies to a mail go (the visitor of an offline message), when not to the sender.
ALTER TABLE outgoing_mail ADD COLUMN reply_to TEXT;

-- Replica of visitors (conversations' VisitorCreated/Updated): the name and the email a missed-reply digest goes to.
CREATE TABLE visitor (
    id         TEXT PRIMARY KEY,
    website_id UUID NOT NULL,
    name       TEXT NOT NULL DEFAULT '',
    email      TEXT NOT NULL DEFAULT ''
);

-- Agents' replies their visitor has not read yet, kept only until they are read or mailed: then deleted with their text.
CREATE TABLE pending_reply (
    message_id      TEXT        PRIMARY KEY,
    conversation_id TEXT        NOT NULL,
    seq             BIGINT      NOT NULL,
    author_name     TEXT        NOT NULL,
    body            TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    due_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX pending_reply_conversation ON pending_reply (conversation_id, seq);

-- One row per conversation with unread replies, due with its earliest reply: the sweep claims it with
-- FOR UPDATE SKIP LOCKED, so one instance mails one conversation's replies.
CREATE TABLE pending_digest (
    conversation_id TEXT        PRIMARY KEY,
    website_id      UUID        NOT NULL,
    visitor_id      TEXT        NOT NULL,
    due_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX pending_digest_due ON pending_digest (due_at);

-- A visitor's unsubscribe link names the visitor's address instead of an agent.
ALTER TABLE unsubscribe_token ALTER COLUMN agent_id DROP NOT NULL;
ALTER TABLE unsubscribe_token ADD COLUMN visitor_email TEXT;
ALTER TABLE unsubscribe_token ADD CONSTRAINT unsubscribe_token_one_recipient CHECK ((agent_id IS NULL) <> (visitor_email IS NULL));

-- Visitors' addresses (lower case) that turned a kind of mail off for a website.
CREATE TABLE visitor_opt_out (
    website_id UUID        NOT NULL,
    email      TEXT        NOT NULL,
    kind       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (website_id, email, kind)
);
