-- Rows that failed: how often, why, when to try again, and whether they are parked until an operator retries them.
ALTER TABLE outbox
    ADD COLUMN attempts   INT NOT NULL DEFAULT 0,
    ADD COLUMN retry_at   TIMESTAMPTZ,
    ADD COLUMN parked_at  TIMESTAMPTZ,
    ADD COLUMN last_error TEXT;

-- Later rows of a key wait behind a failed one: the claim looks them up by key.
CREATE INDEX outbox_failed ON outbox (topic, event_key, id) WHERE sent_at IS NULL AND attempts > 0;

-- The cleanup deletes sent rows by age.
CREATE INDEX outbox_sent ON outbox (sent_at) WHERE sent_at IS NOT NULL;
