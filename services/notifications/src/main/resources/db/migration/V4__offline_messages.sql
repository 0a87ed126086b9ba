-- Replica of groups' members (websites' GroupChanged): who hears about an offline message left in a group's thread.
CREATE TABLE group_member (
    group_id   TEXT NOT NULL,
    website_id UUID NOT NULL,
    agent_id   TEXT NOT NULL,
    PRIMARY KEY (group_id, agent_id)
);

-- Where replies to a mail go (the visitor of an offline message), when not to the sender.
ALTER TABLE outgoing_mail ADD COLUMN reply_to TEXT;
