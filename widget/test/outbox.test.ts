import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiFailure } from '../src/core/http';
import { Outbox, type OutboxHandlers, type Pending } from '../src/core/outbox';
import type { StorageLike } from '../src/core/storage';
import type { Message } from '../src/core/types';

function memoryStore(): StorageLike & { data: Record<string, string> } {
  const data: Record<string, string> = {};
  return { data, getItem: (k) => (k in data ? data[k] : null), setItem: (k, v) => void (data[k] = v), removeItem: (k) => void delete data[k] };
}

const item = (id: string, body = 'hello ' + id): Pending => ({ client_msg_id: id, body });
const stored = (p: Pending, seq: number): Message => ({
  id: 'm' + seq, conversation_id: 'c', seq, client_msg_id: p.client_msg_id, author: { kind: 'visitor' }, kind: 'text', body: p.body, created_at: '',
});

/** A fake server that stores each client_msg_id once, like POST /v1/widget/messages. */
function server() {
  const byClientId: Record<string, Message> = {};
  let seq = 0;
  let failWith: ApiFailure | null = null;
  const calls: string[] = [];
  return {
    calls,
    byClientId,
    failNext: (f: ApiFailure | null) => (failWith = f),
    send: async (p: Pending) => {
      calls.push(p.client_msg_id);
      if (failWith) throw failWith;
      return (byClientId[p.client_msg_id] ||= stored(p, ++seq));
    },
  };
}

describe('Outbox', () => {
  let store: ReturnType<typeof memoryStore>;
  let api: ReturnType<typeof server>;
  let handlers: { [K in keyof OutboxHandlers]: ReturnType<typeof vi.fn> };

  const outbox = () => new Outbox(store, 'zendo:pk_a:outbox', api.send, handlers, () => 0.5);

  beforeEach(() => {
    vi.useFakeTimers();
    store = memoryStore();
    api = server();
    handlers = { sent: vi.fn(), rejected: vi.fn(), waiting: vi.fn() };
  });

  afterEach(() => vi.useRealTimers());

  it('sends queued messages one by one, oldest first, and forgets them once stored', async () => {
    const box = outbox();
    box.add(item('a'));
    box.add(item('b'));
    await vi.runAllTimersAsync();
    expect(api.calls).toEqual(['a', 'b']);
    expect(handlers.sent.mock.calls.map((c) => c[1].seq)).toEqual([1, 2]);
    expect(box.items()).toEqual([]);
    expect(store.data['zendo:pk_a:outbox']).toBeUndefined();
  });

  it('keeps a message through network failures and resends it with the same client_msg_id', async () => {
    const box = outbox();
    api.failNext(new ApiFailure(0, 'network', 'offline'));
    box.add(item('a'));
    await vi.advanceTimersByTimeAsync(0);
    expect(handlers.waiting).toHaveBeenCalledWith(expect.objectContaining({ status: 0 }), 750);
    expect(box.items().map((i) => i.client_msg_id)).toEqual(['a']);

    await vi.advanceTimersByTimeAsync(750);
    expect(api.calls).toEqual(['a', 'a']);
    expect(handlers.waiting).toHaveBeenLastCalledWith(expect.anything(), 1500);

    api.failNext(null);
    await vi.advanceTimersByTimeAsync(1500);
    expect(api.calls).toEqual(['a', 'a', 'a']);
    expect(Object.keys(api.byClientId)).toEqual(['a']);
    expect(box.items()).toEqual([]);
  });

  it('waits as long as a 429 says', async () => {
    const box = outbox();
    api.failNext(new ApiFailure(429, 'too_many_requests', 'slow down', 7000));
    box.add(item('a'));
    await vi.advanceTimersByTimeAsync(0);
    expect(handlers.waiting).toHaveBeenCalledWith(expect.anything(), 7000);
    api.failNext(null);
    await vi.advanceTimersByTimeAsync(6999);
    expect(api.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(api.calls).toHaveLength(2);
  });

  it('survives a reload: a new outbox on the same storage sends what the old one left', async () => {
    const first = outbox();
    api.failNext(new ApiFailure(503, 'busy', 'busy'));
    first.add(item('a'));
    await vi.advanceTimersByTimeAsync(0);
    first.close();

    api.failNext(null);
    const second = outbox();
    second.flush();
    await vi.runAllTimersAsync();
    expect(api.calls).toEqual(['a', 'a']);
    expect(handlers.sent).toHaveBeenCalledTimes(1);
    expect(second.items()).toEqual([]);
  });

  it('stores a message once when two tabs send it at the same time', async () => {
    const one = outbox();
    const two = outbox();
    one.add(item('a'));
    two.flush();
    await vi.runAllTimersAsync();
    expect(api.calls).toEqual(['a', 'a']);
    expect(Object.keys(api.byClientId)).toEqual(['a']);
    expect(one.items()).toEqual([]);
  });

  it.each([400, 409, 413])('drops a message the server refuses with %i and goes on with the next', async (status) => {
    const box = outbox();
    api.failNext(new ApiFailure(status, 'invalid_request', 'no'));
    box.add(item('bad'));
    await vi.advanceTimersByTimeAsync(0);
    api.failNext(null);
    box.add(item('good'));
    await vi.runAllTimersAsync();
    expect(handlers.rejected).toHaveBeenCalledWith(expect.objectContaining({ client_msg_id: 'bad' }), expect.objectContaining({ status }));
    expect(handlers.sent.mock.calls.map((c) => c[0].client_msg_id)).toEqual(['good']);
  });

  it('sends at once when asked to, cutting a backoff short', async () => {
    const box = outbox();
    api.failNext(new ApiFailure(0, 'network', 'offline'));
    box.add(item('a'));
    await vi.advanceTimersByTimeAsync(0);
    api.failNext(null);
    box.flush(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(api.calls).toEqual(['a', 'a']);
    expect(box.items()).toEqual([]);
  });

  it('ignores unreadable storage', () => {
    store.setItem('zendo:pk_a:outbox', '{not json');
    expect(outbox().items()).toEqual([]);
    store.setItem('zendo:pk_a:outbox', JSON.stringify([null, { client_msg_id: 'x' }, item('ok')]));
    expect(outbox().items().map((i) => i.client_msg_id)).toEqual(['ok']);
  });

  it('forgets everything on close(true)', () => {
    const box = outbox();
    api.failNext(new ApiFailure(0, 'network', 'offline'));
    box.add(item('a'));
    box.close(true);
    expect(store.data['zendo:pk_a:outbox']).toBeUndefined();
  });
});
