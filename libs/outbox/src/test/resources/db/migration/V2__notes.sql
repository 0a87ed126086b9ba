-- A piece of state for the specs to change in the same transaction as an outbox append.
CREATE TABLE note (
    id   BIGSERIAL PRIMARY KEY,
    text TEXT NOT NULL
);
