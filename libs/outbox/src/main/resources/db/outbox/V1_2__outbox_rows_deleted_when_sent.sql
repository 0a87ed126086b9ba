-- The relay deletes rows in the transaction that publishes them: every row left is unsent, and no payload lingers.
DELETE FROM outbox WHERE sent_at IS NOT NULL;
DROP INDEX outbox_sent;
DROP INDEX outbox_unsent;
DROP INDEX outbox_failed;
ALTER TABLE outbox DROP COLUMN sent_at;

-- Later rows of a key wait behind a failed one: the claim looks them up by key.
CREATE INDEX outbox_failed ON outbox (topic, event_key, id) WHERE attempts > 0;
