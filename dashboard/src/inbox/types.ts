/** Shapes of conversations' inbox API (see its OpenAPI document). */

export type ThreadStatus = 'pending' | 'active' | 'resolved' | 'closed';
export type AuthorKind = 'visitor' | 'agent' | 'system' | 'bot';
export type MessageKind = 'text' | 'note' | 'system';
export type InboxView = 'mine' | 'queue' | 'open' | 'closed';

export interface TagSummary {
  id: string;
  name: string;
  color: string;
}

export interface TagView extends TagSummary {
  deleted: boolean;
  created_at: string;
  updated_at: string;
  deleted_at?: string | null;
}

export interface VisitorSummary {
  id: string;
  label: string;
  name?: string | null;
  email?: string | null;
}

export interface InboxItem {
  id: string;
  visitor: VisitorSummary;
  status: ThreadStatus;
  thread_id: string;
  agent_id?: string | null;
  group_id?: string | null;
  last_message_at: string;
  last_message_preview?: string | null;
  unread_count: number;
  tags: TagSummary[];
}

export interface InboxPage {
  items: InboxItem[];
  next_cursor?: string | null;
}

export interface InboxCounts {
  mine: number;
  queue: number;
  open: number;
  closed: number;
  closed_capped: boolean;
}

export interface ThreadView {
  id: string;
  conversation_id: string;
  status: ThreadStatus;
  group_id?: string | null;
  agent_id?: string | null;
  opened_at: string;
  queued_at?: string | null;
  assigned_at?: string | null;
  closed_at?: string | null;
  closed_by_kind?: AuthorKind;
  closed_by_id?: string | null;
  close_reason?: string | null;
  rating?: number | null;
  rating_comment?: string | null;
  rated_at?: string | null;
}

export interface ConversationDetails {
  id: string;
  visitor: VisitorSummary;
  status: ThreadStatus;
  thread?: ThreadView;
  agent_id?: string | null;
  group_id?: string | null;
  last_seq: number;
  last_message_at: string;
  last_message_preview?: string | null;
  created_at: string;
  unread_count: number;
  tags: TagSummary[];
}

export interface Author {
  kind: AuthorKind;
  id?: string | null;
  name?: string | null;
}

export interface MessageView {
  id: string;
  conversation_id: string;
  thread_id: string;
  seq: number;
  client_msg_id?: string | null;
  author: Author;
  kind: MessageKind;
  body: string;
  created_at: string;
}

export interface HistoryPage {
  messages: MessageView[];
  has_more: boolean;
}

export interface PageViewItem {
  url: string;
  title?: string | null;
  referrer?: string | null;
  viewed_at: string;
}

export interface PastThread {
  id: string;
  conversation_id: string;
  status: ThreadStatus;
  agent_id?: string | null;
  agent_name?: string | null;
  opened_at: string;
  closed_at?: string | null;
  close_reason?: string | null;
  rating?: number | null;
  rating_comment?: string | null;
}

export interface VisitorProfile {
  id: string;
  label: string;
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  verified: boolean;
  user_id?: string | null;
  attributes?: Record<string, unknown>;
  user_agent?: string | null;
  locale?: string | null;
  conversation_id?: string | null;
  created_at: string;
  last_seen_at: string;
  page_views: PageViewItem[];
  threads: PastThread[];
}

export interface Highlight {
  start: number;
  end: number;
}

export interface SearchHit {
  type: 'message' | 'visitor';
  conversation_id?: string | null;
  visitor: VisitorSummary;
  message?: {
    id: string;
    seq: number;
    kind: MessageKind;
    author_kind: AuthorKind;
    snippet: string;
    highlights: Highlight[];
    created_at: string;
  };
  rank: number;
}

export interface SearchResults {
  items: SearchHit[];
  next_cursor?: string | null;
}

export interface AgentStat {
  agent_id: string;
  name?: string | null;
  role: string;
  status: 'online' | 'away' | 'offline';
  accepting_chats: boolean;
  max_concurrent_chats: number;
  active_chats: number;
  chats_handled_today: number;
}

export interface AgentStats {
  time_zone: string;
  day_start: string;
  agents: AgentStat[];
}
