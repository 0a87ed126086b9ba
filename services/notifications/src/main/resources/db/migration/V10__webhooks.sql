-- Websites' webhook subscriptions: where to POST which events. The signing secret is kept only encrypted
-- (AES-256-GCM, bound to the subscription id) with its last characters as a hint.
CREATE TABLE webhook_subscriptions (
    id                   UUID        PRIMARY KEY,
    website_id           UUID        NOT NULL,
    url                  TEXT        NOT NULL,
    event_types          TEXT[]      NOT NULL,
    description          TEXT,
    active               BOOLEAN     NOT NULL,
    secret_ciphertext    BYTEA       NOT NULL,
    secret_hint          TEXT        NOT NULL,
    -- Deliveries given up in a row; reset by every delivered one.
    consecutive_failures INTEGER     NOT NULL DEFAULT 0,
    -- When the subscription was disabled for its failures; cleared when it is made active again.
    disabled_at          TIMESTAMPTZ,
    created_by           TEXT        NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL
);

CREATE INDEX webhook_subscriptions_website ON webhook_subscriptions (website_id, created_at);

-- The JSON body of each event some subscription wanted, once, shared by its deliveries.
CREATE TABLE webhook_events (
    event_id    UUID        PRIMARY KEY,
    website_id  UUID        NOT NULL,
    event_type  TEXT        NOT NULL,
    body        TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One event for one subscription. seq follows the order events were consumed in, so per subscription and
-- ordering_key (the conversation) a delivery is attempted only when no earlier one is still pending.
CREATE TABLE webhook_deliveries (
    id              UUID        PRIMARY KEY,
    seq             BIGINT      GENERATED ALWAYS AS IDENTITY UNIQUE,
    subscription_id UUID        NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    event_id        UUID        NOT NULL REFERENCES webhook_events (event_id),
    ordering_key    TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    finished_at     TIMESTAMPTZ,
    UNIQUE (subscription_id, event_id)
);

CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_order ON webhook_deliveries (subscription_id, ordering_key, seq) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (subscription_id, seq);
CREATE INDEX webhook_deliveries_finished ON webhook_deliveries (finished_at) WHERE status <> 'pending';
CREATE INDEX webhook_deliveries_event ON webhook_deliveries (event_id);

-- Every attempt of a delivery, automatic or asked for: the delivery log.
CREATE TABLE webhook_attempts (
    id               BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id      UUID        NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempted_at     TIMESTAMPTZ NOT NULL,
    status_code      INTEGER,
    latency_ms       INTEGER     NOT NULL,
    response_excerpt TEXT,
    error            TEXT,
    manual           BOOLEAN     NOT NULL
);

CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, id);
