-- Agent stats: threads each agent ended since a given time (chats handled today).
CREATE INDEX threads_agent_closed ON threads (website_id, closed_at, agent_id) WHERE closed_at IS NOT NULL;
