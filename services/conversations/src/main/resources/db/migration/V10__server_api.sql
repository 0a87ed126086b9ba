-- The server API lists a website's conversations of every status, latest message first.
CREATE INDEX conversations_recent ON conversations (website_id, last_message_at DESC, id DESC) WHERE current_thread_id IS NOT NULL;

-- The audit log of one website, newest first, paged by id.
CREATE INDEX audit_log_website_id ON audit_log (website_id, id DESC);
