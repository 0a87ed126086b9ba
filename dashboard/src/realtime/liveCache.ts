import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import type { Member } from '../api/types';
import type { ConversationDetails, InboxPage, MessageView } from '../inbox/types';
import { messageOf, presenceOf, typingOf } from './eventData';
import type { EphemeralStore } from './ephemeral';
import { RESYNC, type RealtimeFrame } from './frames';

/** Query keys of one website's server state; every key starts with `['website', websiteId]`. */
export const keys = {
  all: (w: string) => ['website', w] as const,
  inbox: (w: string) => ['website', w, 'inbox'] as const,
  counts: (w: string) => ['website', w, 'counts'] as const,
  conversation: (w: string, c: string) => ['website', w, 'conversation', c] as const,
  messages: (w: string, c: string) => ['website', w, 'messages', c] as const,
  visitor: (w: string, v: string) => ['website', w, 'visitor', v] as const,
  tags: (w: string) => ['website', w, 'tags'] as const,
  members: (w: string) => ['website', w, 'members'] as const,
  groups: (w: string) => ['website', w, 'groups'] as const,
  agentStats: (w: string) => ['website', w, 'agent-stats'] as const,
  presence: (w: string) => ['website', w, 'presence'] as const,
  search: (w: string, q: string) => ['website', w, 'search', q] as const,
  canned: (w: string, prefix: string) => ['website', w, 'canned-responses', prefix] as const,
};

/** The messages of a conversation as the cache holds them: ascending by seq, no seq twice. */
export interface MessageList {
  messages: MessageView[];
  hasMore: boolean;
}

/** Adds messages to a list, keeping seq order and dropping repeats (by seq, and pending ones by client_msg_id). */
export function mergeMessages(list: MessageView[], incoming: MessageView[]): MessageView[] {
  const bySeq = new Map<number, MessageView>();
  for (const m of list) bySeq.set(m.seq, m);
  for (const m of incoming) bySeq.set(m.seq, m);
  const confirmed = new Set([...bySeq.values()].filter((m) => m.seq > 0).map((m) => m.client_msg_id).filter(Boolean));
  return [...bySeq.values()]
    .filter((m) => m.seq > 0 || !confirmed.has(m.client_msg_id))
    .sort((a, b) => (a.seq > 0 ? a.seq : Number.MAX_SAFE_INTEGER) - (b.seq > 0 ? b.seq : Number.MAX_SAFE_INTEGER));
}

/**
 * Applies realtime frames to the query cache: patches what a frame says exactly (a new message, a last-message
 * preview, unread counts, typing, presence) at once, and refetches what it only hints at (lists, counts, a
 * conversation's state, the members when an unknown agent shows up) shortly after, coalescing bursts. `resync`
 * refetches everything of the website.
 */
export class LiveCache {
  private pending = new Map<string, QueryKey>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly client: QueryClient,
    private readonly websiteId: string,
    private readonly me: string,
    private readonly ephemeral: EphemeralStore,
    private readonly focused: () => string | null,
    private readonly delayMs = 250,
  ) {}

  apply(frame: RealtimeFrame): void {
    const w = this.websiteId;
    const c = frame.conversation_id ?? (typeof frame.data.conversation_id === 'string' ? frame.data.conversation_id : undefined);
    switch (frame.type) {
      case RESYNC:
        void this.client.invalidateQueries({ queryKey: keys.all(w) });
        return;
      case 'message:new':
        this.onMessage(frame);
        return;
      case 'message:read':
        if (c) this.later(keys.conversation(w, c));
        this.later(keys.inbox(w));
        return;
      case 'conversation:open':
      case 'conversation:assign':
      case 'conversation:close':
      case 'conversation:reopen':
      case 'conversation:tags':
      case 'conversation:rated':
        if (c) this.later(keys.conversation(w, c));
        this.later(keys.inbox(w));
        this.later(keys.counts(w));
        if (frame.type === 'conversation:rated' || frame.type === 'conversation:close') {
          this.later(['website', w, 'visitor']);
        }
        if (frame.type === 'conversation:assign') this.later(keys.agentStats(w));
        return;
      case 'visitor:new':
      case 'visitor:update':
      case 'visitor:merge':
        this.later(['website', w, 'visitor']);
        this.later(keys.inbox(w));
        return;
      case 'tag:change':
        this.later(keys.tags(w));
        this.later(keys.inbox(w));
        return;
      case 'typing:start':
      case 'typing:stop': {
        const typing = typingOf(frame);
        if (typing && !(typing.who.kind === 'agent' && typing.who.id === this.me)) {
          this.ephemeral.setTyping(typing.conversationId, typing.who, typing.typing, typing.preview);
        }
        return;
      }
      case 'agent:online':
      case 'agent:away':
      case 'agent:offline': {
        const presence = presenceOf(frame);
        if (!presence) return;
        this.ephemeral.setPresence(presence.agentId, presence.status);
        const members = this.client.getQueryData<Member[]>(keys.members(this.websiteId));
        if (members && !members.some((m) => m.agent_id === presence.agentId)) this.later(keys.members(this.websiteId));
        return;
      }
      default:
    }
  }

  private onMessage(frame: RealtimeFrame): void {
    const message = messageOf(frame);
    if (!message) return;
    const w = this.websiteId;
    const c = message.conversation_id;
    this.ephemeral.stoppedByMessage(c, { kind: message.author.kind, id: message.author.id ?? '' });
    const cached = this.client.getQueryData<MessageList>(keys.messages(w, c));
    if (cached) {
      const last = cached.messages.reduce((max, m) => Math.max(max, m.seq), 0);
      if (last > 0 && message.seq > last + 1) this.later(keys.messages(w, c));
      this.client.setQueryData<MessageList>(keys.messages(w, c), {
        ...cached,
        messages: mergeMessages(cached.messages, [message]),
      });
    }
    const mine = message.author.kind === 'agent' && message.author.id === this.me;
    const counts = !mine && message.kind !== 'system' && this.focused() !== c;
    const preview = message.kind === 'note' ? undefined : message.body;
    this.client.setQueryData<ConversationDetails>(keys.conversation(w, c), (d) =>
      d
        ? {
            ...d,
            last_seq: Math.max(d.last_seq, message.seq),
            last_message_at: message.created_at,
            last_message_preview: preview ?? d.last_message_preview,
            unread_count: counts ? d.unread_count + 1 : d.unread_count,
          }
        : d,
    );
    this.client.setQueriesData<InfiniteData<InboxPage>>({ queryKey: keys.inbox(w) }, (data) =>
      data
        ? {
            ...data,
            pages: data.pages.map((page) => ({
              ...page,
              items: page.items.map((item) =>
                item.id === c
                  ? {
                      ...item,
                      last_message_at: message.created_at,
                      last_message_preview: preview ?? item.last_message_preview,
                      unread_count: counts ? item.unread_count + 1 : item.unread_count,
                    }
                  : item,
              ),
            })),
          }
        : data,
    );
    this.later(keys.inbox(w));
    this.later(keys.counts(w));
  }

  private later(key: QueryKey): void {
    this.pending.set(JSON.stringify(key), key);
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  /** Refetches what the frames so far asked for. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const queryKey of due) void this.client.invalidateQueries({ queryKey });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
