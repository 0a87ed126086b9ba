import { InfiniteData, QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConversationDetails, InboxPage, MessageView } from '../../src/inbox/types';
import { EphemeralStore } from '../../src/realtime/ephemeral';
import { RESYNC, type RealtimeFrame } from '../../src/realtime/frames';
import { keys, LiveCache, mergeMessages, type MessageList } from '../../src/realtime/liveCache';

const W = 'w1';
const C = 'c1';
const ME = 'agent-me';

const message = (seq: number, extra: Partial<MessageView> = {}): MessageView => ({
  id: `m${seq}`,
  conversation_id: C,
  thread_id: 't1',
  seq,
  author: { kind: 'visitor', id: 'v1' },
  kind: 'text',
  body: `message ${seq}`,
  created_at: '2026-11-30T10:00:00.000Z',
  ...extra,
});

const messageFrame = (seq: number, author = { kind: 'ACTOR_KIND_VISITOR', id: 'v1' }, kind = 'MESSAGE_KIND_TEXT'): RealtimeFrame => ({
  type: 'message:new',
  event_id: `e${seq}`,
  website_id: W,
  conversation_id: C,
  seq,
  data: { message_id: `m${seq}`, conversation_id: C, seq: String(seq), author, kind, body: `live ${seq}`, created_at: '2026-11-30T10:01:00Z' },
});

const item = { id: C, visitor: { id: 'v1', label: 'Visitor 1' }, status: 'active', thread_id: 't1', last_message_at: '', unread_count: 0, tags: [] };

describe('LiveCache', () => {
  let client: QueryClient;
  let ephemeral: EphemeralStore;
  let focused: string | null;
  let cache: LiveCache;

  beforeEach(() => {
    vi.useFakeTimers();
    client = new QueryClient();
    ephemeral = new EphemeralStore();
    focused = null;
    cache = new LiveCache(client, W, ME, ephemeral, () => focused);
    client.setQueryData<MessageList>(keys.messages(W, C), { messages: [message(1), message(2)], hasMore: false });
    client.setQueryData<InfiniteData<InboxPage>>([...keys.inbox(W), 'open', {}], {
      pages: [{ items: [item as InboxPage['items'][number]] }],
      pageParams: [null],
    });
    client.setQueryData<Partial<ConversationDetails>>(keys.conversation(W, C), { id: C, last_seq: 2, unread_count: 0 });
  });

  afterEach(() => {
    cache.dispose();
    vi.useRealTimers();
  });

  const inboxItem = () =>
    client.getQueryData<InfiniteData<InboxPage>>([...keys.inbox(W), 'open', {}])!.pages[0].items[0];

  it('appends a new message to the open conversation and updates the list preview and unread count', () => {
    cache.apply(messageFrame(3));
    expect(client.getQueryData<MessageList>(keys.messages(W, C))!.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(inboxItem()).toMatchObject({ last_message_preview: 'live 3', unread_count: 1 });
    expect(client.getQueryData<ConversationDetails>(keys.conversation(W, C))).toMatchObject({ last_seq: 3, unread_count: 1 });
  });

  it.each([
    ['the agent wrote it', { kind: 'ACTOR_KIND_AGENT', id: ME }, 'MESSAGE_KIND_TEXT', null],
    ['the conversation is on screen', { kind: 'ACTOR_KIND_VISITOR', id: 'v1' }, 'MESSAGE_KIND_TEXT', C],
    ['it is a system line', { kind: 'ACTOR_KIND_SYSTEM', id: '' }, 'MESSAGE_KIND_SYSTEM', null],
  ])('does not count a message as unread when %s', (_, author, kind, onScreen) => {
    focused = onScreen;
    cache.apply(messageFrame(3, author, kind));
    expect(inboxItem().unread_count).toBe(0);
  });

  it('keeps a note out of the last-message preview', () => {
    cache.apply(messageFrame(3, { kind: 'ACTOR_KIND_AGENT', id: 'someone' }, 'MESSAGE_KIND_NOTE'));
    expect(inboxItem().last_message_preview).toBeUndefined();
  });

  it('refetches lists and counts shortly after, once for a burst of frames', async () => {
    const invalidate = vi.spyOn(client, 'invalidateQueries');
    cache.apply(messageFrame(3));
    cache.apply(messageFrame(4));
    cache.apply({ type: 'conversation:assign', event_id: 'x', website_id: W, conversation_id: C, data: {} });
    expect(invalidate).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(300);
    const refetched = invalidate.mock.calls.map((c) => JSON.stringify(c[0]?.queryKey));
    expect(refetched.filter((k) => k === JSON.stringify(keys.inbox(W)))).toHaveLength(1);
    expect(refetched).toContain(JSON.stringify(keys.counts(W)));
    expect(refetched).toContain(JSON.stringify(keys.conversation(W, C)));
  });

  it('refetches the messages when a frame shows a gap', async () => {
    const invalidate = vi.spyOn(client, 'invalidateQueries');
    cache.apply(messageFrame(5));
    await vi.advanceTimersByTimeAsync(300);
    expect(invalidate.mock.calls.map((c) => JSON.stringify(c[0]?.queryKey))).toContain(JSON.stringify(keys.messages(W, C)));
  });

  it('refetches everything of the website on resync', () => {
    const invalidate = vi.spyOn(client, 'invalidateQueries');
    cache.apply({ type: RESYNC, event_id: 'r', website_id: W, data: {} });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['website', W] });
  });

  it('tracks typing with its sneak peek, ends it when the message arrives, and ignores the agent’s own', () => {
    const typing = (participant: Record<string, string>, type = 'typing:start', preview = ''): RealtimeFrame => ({
      type,
      event_id: `${type}${participant.id}${preview}`,
      website_id: W,
      conversation_id: C,
      data: { conversation_id: C, participant, typing: type === 'typing:start', preview },
    });
    cache.apply(typing({ kind: 'ACTOR_KIND_VISITOR', id: 'v1' }, 'typing:start', 'I need a ref'));
    cache.apply(typing({ kind: 'ACTOR_KIND_AGENT', id: ME }));
    expect(ephemeral.typingIn(C)).toEqual([expect.objectContaining({ who: { kind: 'visitor', id: 'v1' }, preview: 'I need a ref' })]);
    cache.apply(messageFrame(3));
    expect(ephemeral.typingIn(C)).toEqual([]);
  });

  it('records teammates’ presence', () => {
    cache.apply({ type: 'agent:away', event_id: 'p1', website_id: W, data: { agent_id: 'b', status: 'PRESENCE_STATUS_AWAY' } });
    expect(ephemeral.presenceOf('b')).toBe('away');
  });

  it('keeps a presence frame that arrived during a load over the loaded state, and takes the rest of the load', () => {
    const mark = ephemeral.presenceMark();
    cache.apply({ type: 'agent:away', event_id: 'p4', website_id: W, data: { agent_id: 'b' } });
    ephemeral.loadPresence(
      [
        { agentId: 'b', status: 'online' },
        { agentId: 'c', status: 'offline' },
      ],
      mark,
    );
    expect([ephemeral.presenceOf('b'), ephemeral.presenceOf('c')]).toEqual(['away', 'offline']);
    cache.apply({ type: 'agent:online', event_id: 'p5', website_id: W, data: { agent_id: 'c' } });
    expect(ephemeral.presenceOf('c')).toBe('online');
  });

  it('refetches the teammates’ presence with the rest of the website on resync', () => {
    const invalidate = vi.spyOn(client, 'invalidateQueries');
    cache.apply({ type: RESYNC, event_id: 'r2', website_id: W, data: {} });
    const [{ queryKey }] = invalidate.mock.calls[0] as [{ queryKey: readonly unknown[] }];
    expect(keys.presence(W).slice(0, queryKey.length)).toEqual(queryKey);
  });

  it('refetches the members when an agent it does not know yet comes online', async () => {
    client.setQueryData(keys.members(W), [{ agent_id: 'known' }]);
    const invalidate = vi.spyOn(client, 'invalidateQueries');
    cache.apply({ type: 'agent:online', event_id: 'p2', website_id: W, data: { agent_id: 'known' } });
    await vi.advanceTimersByTimeAsync(300);
    expect(invalidate).not.toHaveBeenCalled();
    cache.apply({ type: 'agent:online', event_id: 'p3', website_id: W, data: { agent_id: 'newcomer' } });
    await vi.advanceTimersByTimeAsync(300);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: keys.members(W) });
  });
});

describe('mergeMessages', () => {
  it('orders by seq, drops repeats and replaces a pending message by its stored one', () => {
    const pending = message(-1, { client_msg_id: 'x', author: { kind: 'agent', id: ME } });
    const stored = message(3, { client_msg_id: 'x' });
    const merged = mergeMessages([message(2), pending, message(1)], [stored, message(2)]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('keeps pending messages after the stored ones', () => {
    const merged = mergeMessages([message(1)], [message(-1, { client_msg_id: 'y' })]);
    expect(merged.map((m) => m.seq)).toEqual([1, -1]);
  });
});
