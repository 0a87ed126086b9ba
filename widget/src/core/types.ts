/** Who wrote a message, as the widget API shows it. */
export interface Author {
  kind: 'visitor' | 'agent' | 'system' | 'bot';
  id?: string | null;
  name?: string | null;
}

/** A stored message of the visitor's conversation. */
export interface Message {
  id: string;
  conversation_id: string;
  thread_id?: string;
  seq: number;
  client_msg_id?: string | null;
  author: Author;
  kind: 'text' | 'note' | 'system';
  body: string;
  created_at: string;
}

/** One server → client frame of the realtime protocol (docs/protocol.md). */
export interface Frame {
  type: string;
  event_id?: string;
  website_id?: string;
  conversation_id?: string;
  seq?: number;
  cursor?: string;
  occurred_at?: string;
  cursors?: Record<string, string>;
  after_ms?: number;
  code?: string;
  data?: Record<string, any>;
}
