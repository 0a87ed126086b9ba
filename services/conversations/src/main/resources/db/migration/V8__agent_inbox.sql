-- Agents (the role) see the conversations they wrote in: this finds one agent's messages in a conversation without
-- reading the visitor's.
CREATE INDEX messages_agent_author ON messages (conversation_id, author_id) WHERE author_kind = 'AGENT';
