-- Events this service has handled, written in the same transaction as the handler's changes: a redelivered or
-- replayed event finds its id here and is skipped. Rows are kept (see docs/architecture.md, "Inbox").
CREATE TABLE inbox_processed (
    event_id     UUID        PRIMARY KEY,
    topic        TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Records the consumer gave up on: unreadable, or their handler kept failing. Never the payload, only where it is.
CREATE TABLE inbox_parked (
    id              BIGSERIAL   PRIMARY KEY,
    topic           TEXT        NOT NULL,
    topic_partition INT         NOT NULL,
    record_offset   BIGINT      NOT NULL,
    record_key      TEXT,
    event_id        UUID,
    attempts        INT         NOT NULL,
    error           TEXT        NOT NULL,
    parked_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (topic, topic_partition, record_offset)
);
