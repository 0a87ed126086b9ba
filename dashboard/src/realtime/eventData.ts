import type { AuthorKind, MessageKind, MessageView } from '../inbox/types';
import type { RealtimeFrame } from './frames';

const ACTOR_KINDS: Record<string, AuthorKind> = {
  ACTOR_KIND_AGENT: 'agent',
  ACTOR_KIND_VISITOR: 'visitor',
  ACTOR_KIND_SYSTEM: 'system',
  ACTOR_KIND_BOT: 'bot',
};

const MESSAGE_KINDS: Record<string, MessageKind> = {
  MESSAGE_KIND_TEXT: 'text',
  MESSAGE_KIND_NOTE: 'note',
  MESSAGE_KIND_SYSTEM: 'system',
};

/** An `Actor` of an event payload (protobuf JSON: enum names, fields at their default left out). */
export interface Actor {
  kind: AuthorKind | 'unknown';
  id: string;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Reads an `Actor` of an event payload. */
export function actorOf(value: unknown): Actor {
  const actor = (value ?? {}) as { kind?: unknown; id?: unknown };
  return { kind: ACTOR_KINDS[str(actor.kind)] ?? 'unknown', id: str(actor.id) };
}

/** The message a `message:new` frame carries, in the REST API's shape. */
export function messageOf(frame: RealtimeFrame): MessageView | null {
  const d = frame.data;
  const seq = Number(d.seq ?? frame.seq);
  const conversationId = str(d.conversation_id) || frame.conversation_id;
  if (!Number.isFinite(seq) || seq < 1 || !conversationId) return null;
  const author = actorOf(d.author);
  return {
    id: str(d.message_id),
    conversation_id: conversationId,
    thread_id: str(d.thread_id),
    seq,
    client_msg_id: str(d.client_msg_id) || null,
    author: {
      kind: author.kind === 'unknown' ? 'system' : author.kind,
      id: author.id || null,
      name: str(d.author_name) || null,
    },
    kind: MESSAGE_KINDS[str(d.kind)] ?? 'text',
    body: str(d.body),
    created_at: str(d.created_at) || frame.occurred_at || new Date().toISOString(),
  };
}

/** Presence of an `agent:*` frame. */
export function presenceOf(frame: RealtimeFrame): { agentId: string; status: 'online' | 'away' | 'offline' } | null {
  const agentId = str(frame.data.agent_id);
  const status = frame.type.slice('agent:'.length);
  if (!agentId || (status !== 'online' && status !== 'away' && status !== 'offline')) return null;
  return { agentId, status };
}

/** A typing signal of a `typing:start` / `typing:stop` frame. */
export function typingOf(frame: RealtimeFrame): { conversationId: string; who: Actor; typing: boolean; preview: string } | null {
  const conversationId = str(frame.data.conversation_id) || frame.conversation_id;
  if (!conversationId) return null;
  return {
    conversationId,
    who: actorOf(frame.data.participant),
    typing: frame.type === 'typing:start',
    preview: str(frame.data.preview),
  };
}
