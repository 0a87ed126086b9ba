-- What the specs' handler writes in the inbox's transaction: one row per handling, in handling order.
CREATE TABLE seen (
    id       BIGSERIAL PRIMARY KEY,
    event_id UUID   NOT NULL,
    key      TEXT   NOT NULL,
    seq      BIGINT NOT NULL
);
