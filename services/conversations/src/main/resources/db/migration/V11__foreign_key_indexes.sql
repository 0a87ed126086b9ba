-- The foreign keys nothing indexed on the referencing side: without these, deleting or merging a visitor and deleting
-- a thread scan the whole referencing table once per row (visitor merges, retention clean-ups, spec clean-ups).
CREATE INDEX visitors_merged_into ON visitors (merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX conversations_visitor ON conversations (visitor_id);
CREATE INDEX messages_thread ON messages (thread_id);
