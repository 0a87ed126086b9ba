import type { Frame, Message } from './types';

const KINDS: Record<string, Message['kind']> = { MESSAGE_KIND_TEXT: 'text', MESSAGE_KIND_SYSTEM: 'system', MESSAGE_KIND_NOTE: 'note' };
const AUTHORS: Record<string, Message['author']['kind']> = {
  ACTOR_KIND_AGENT: 'agent',
  ACTOR_KIND_VISITOR: 'visitor',
  ACTOR_KIND_SYSTEM: 'system',
  ACTOR_KIND_BOT: 'bot',
};

/** Turns a `message:new` event's payload into the REST API's message shape. */
export function fromEvent(frame: Frame): Message | null {
  const d = frame.data;
  if (!d || !d.message_id) return null;
  return {
    id: d.message_id,
    conversation_id: d.conversation_id || frame.conversation_id || '',
    thread_id: d.thread_id,
    seq: Number(d.seq || frame.seq),
    client_msg_id: d.client_msg_id || null,
    author: { kind: AUTHORS[d.author && d.author.kind] || 'system', id: d.author && d.author.id, name: d.author_name },
    kind: KINDS[d.kind] || 'text',
    body: d.body || '',
    created_at: d.created_at || frame.occurred_at || new Date().toISOString(),
  };
}

/** The conversation's messages ordered by seq, each kept once whatever path (REST, event, other tab) brought it. */
export class MessageList {
  private _bySeq: Message[] = [];

  /** Adds a message unless its id or seq is known; returns whether it was new. */
  add(message: Message): boolean {
    if (message.kind === 'note' || !(message.seq > 0)) return false;
    if (this._bySeq.some((m) => m.id === message.id || m.seq === message.seq)) return false;
    let i = this._bySeq.length;
    while (i > 0 && this._bySeq[i - 1].seq > message.seq) i--;
    this._bySeq.splice(i, 0, message);
    return true;
  }

  all(): readonly Message[] {
    return this._bySeq;
  }

  lastSeq(): number {
    return this._bySeq.length ? this._bySeq[this._bySeq.length - 1].seq : 0;
  }
}
