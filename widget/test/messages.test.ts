import { describe, expect, it } from 'vitest';
import { fromEvent, MessageList } from '../src/core/messages';
import type { Message } from '../src/core/types';

const message = (seq: number, id = 'm' + seq, extra: Partial<Message> = {}): Message => ({
  id, conversation_id: 'c', seq, author: { kind: 'agent', name: 'Ana' }, kind: 'text', body: 'b' + seq, created_at: '', ...extra,
});

describe('MessageList', () => {
  it('orders messages by seq whatever order they arrive in', () => {
    const list = new MessageList();
    [3, 1, 5, 2, 4].forEach((seq) => list.add(message(seq)));
    expect(list.all().map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(list.lastSeq()).toBe(5);
  });

  it('keeps each message once, by id and by seq', () => {
    const list = new MessageList();
    expect(list.add(message(1))).toBe(true);
    expect(list.add(message(1))).toBe(false);
    expect(list.add(message(2, 'other-id'))).toBe(true);
    expect(list.add(message(2, 'm2'))).toBe(false);
    expect(list.add(message(3, 'other-id'))).toBe(false);
    expect(list.all()).toHaveLength(2);
  });

  it('never keeps notes', () => {
    const list = new MessageList();
    list.add(message(1, 'a'));
    list.add(message(2, 'b', { kind: 'note' }));
    expect(list.all().map((m) => m.id)).toEqual(['a']);
  });
});

describe('fromEvent', () => {
  it('maps a message:new payload onto the REST shape', () => {
    const m = fromEvent({
      type: 'message:new', event_id: 'e', conversation_id: 'c', seq: 7,
      data: { message_id: 'm7', conversation_id: 'c', seq: '7', client_msg_id: 'x', author: { kind: 'ACTOR_KIND_AGENT', id: 'a1' },
        author_name: 'Ana', kind: 'MESSAGE_KIND_TEXT', body: 'hi', created_at: '2026-11-30T10:00:00Z', thread_id: 't' },
    });
    expect(m).toEqual({ id: 'm7', conversation_id: 'c', thread_id: 't', seq: 7, client_msg_id: 'x', author: { kind: 'agent', id: 'a1', name: 'Ana' },
      kind: 'text', body: 'hi', created_at: '2026-11-30T10:00:00Z' });
  });

  it('ignores an event without a message', () => {
    expect(fromEvent({ type: 'message:new', data: {} })).toBeNull();
  });
});
