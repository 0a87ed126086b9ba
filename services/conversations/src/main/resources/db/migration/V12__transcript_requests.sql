-- A visitor's request to get a thread's transcript by email: at most one per thread (a repeated request replaces the
-- address until the transcript is sent), sent_at set when TranscriptRequested went to the outbox, so never twice.
CREATE TABLE transcript_requests (
    thread_id    UUID        PRIMARY KEY REFERENCES threads (id) ON DELETE CASCADE,
    website_id   UUID        NOT NULL,
    email        TEXT        NOT NULL,
    language     TEXT        NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL,
    sent_at      TIMESTAMPTZ
);

CREATE INDEX transcript_requests_website ON transcript_requests (website_id);
