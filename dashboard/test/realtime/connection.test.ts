import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RealtimeConnection, type ConnectionDeps } from '../../src/realtime/connection';
import { backoffDelay, RESYNC, type RealtimeFrame, type RealtimeStatus } from '../../src/realtime/frames';

/** A WebSocket the test drives: records what the client sends, delivers what the test says the server sends. */
class FakeSocket {
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  server(frame: Record<string, unknown>) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

const W = 'website-1';
const event = (id: string, cursor: string, extra: Record<string, unknown> = {}) => ({
  type: 'message:new',
  event_id: id,
  website_id: W,
  conversation_id: 'c1',
  seq: 1,
  cursor,
  data: {},
  ...extra,
});

/** A connection of a test's own, with the sockets it opens. */
function standalone(deps: Partial<ConnectionDeps>): { conn: RealtimeConnection; own: FakeSocket[] } {
  const own: FakeSocket[] = [];
  const conn = new RealtimeConnection({
    ticket: async () => ({ ticket: 't', expiresAt: Date.now() + 60_000 }),
    open: () => {
      const socket = new FakeSocket();
      own.push(socket);
      return socket as unknown as WebSocket;
    },
    onFrame: () => {},
    onStatus: () => {},
    random: () => 0.5,
    ...deps,
  });
  return { conn, own };
}

describe('RealtimeConnection', () => {
  let sockets: FakeSocket[];
  let frames: RealtimeFrame[];
  let statuses: RealtimeStatus[];
  let connection: RealtimeConnection;

  const flush = () => vi.advanceTimersByTimeAsync(0);
  const live = async () => {
    await flush();
    const socket = sockets[sockets.length - 1];
    socket.open();
    socket.server({ type: 'ready', v: 1, role: 'agent', expires_at: '' });
    socket.server({ type: 'subscribed', website_id: W, cursor: 'c0' });
    return socket;
  };

  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    frames = [];
    statuses = [];
    connection = new RealtimeConnection({
      ticket: async () => ({ ticket: `t${sockets.length}`, expiresAt: Date.now() + 60_000 }),
      open: () => {
        const socket = new FakeSocket();
        sockets.push(socket);
        return socket as unknown as WebSocket;
      },
      onFrame: (f) => frames.push(f),
      onStatus: (s) => statuses.push(s),
      random: () => 0.5,
    });
    connection.start(W);
  });

  afterEach(() => {
    connection.stop();
    vi.useRealTimers();
  });

  it('authenticates with a ticket, then subscribes to the website and goes live', async () => {
    const socket = await live();
    expect(socket.sent[0]).toEqual({ type: 'auth', v: 1, token: 't0' });
    expect(socket.sent[1]).toEqual({ type: 'subscribe', website_id: W });
    expect(statuses).toEqual(['live']);
  });

  it('hands each event to subscribers once, even when a resume repeats it', async () => {
    const socket = await live();
    socket.server(event('e1', 'k1'));
    socket.server(event('e1', 'k1'));
    socket.server(event('e2', 'k2'));
    expect(frames.map((f) => f.event_id)).toEqual(['e1', 'e2']);
  });

  it('drops events of another website', async () => {
    const socket = await live();
    socket.server(event('e1', 'k1', { website_id: 'other' }));
    expect(frames).toEqual([]);
  });

  it('resumes from the last event cursor after the socket drops', async () => {
    const first = await live();
    first.server(event('e1', 'k1'));
    first.drop();
    expect(statuses.at(-1)).toBe('resyncing');
    await vi.advanceTimersByTimeAsync(backoffDelay(0, () => 0.5));
    const second = await live();
    expect(second.sent[1]).toEqual({ type: 'subscribe', website_id: W, cursor: 'k1' });
    expect(statuses.at(-1)).toBe('live');
  });

  it('reconnects with the ticket it holds while that has time left, and with the renewed one after a renewal', async () => {
    const first = await live();
    first.drop();
    await vi.advanceTimersByTimeAsync(backoffDelay(0, () => 0.5));
    const second = await live();
    expect(second.sent[0]).toEqual({ type: 'auth', v: 1, token: 't0' });
    await vi.advanceTimersByTimeAsync(29_000);
    second.server({ type: 'heartbeat', cursors: {} });
    await vi.advanceTimersByTimeAsync(16_000);
    expect(second.sent.filter((f) => f.type === 'auth').at(-1)).toEqual({ type: 'auth', v: 1, token: 't2' });
    second.drop();
    await vi.advanceTimersByTimeAsync(backoffDelay(0, () => 0.5));
    const third = await live();
    expect(third.sent[0]).toEqual({ type: 'auth', v: 1, token: 't2' });
  });

  it('fetches a new ticket to reconnect after the edge refused the one it held', async () => {
    const first = await live();
    first.drop(4401);
    const second = await live();
    expect(second.sent[0]).toEqual({ type: 'auth', v: 1, token: 't1' });
  });

  it('fetches a new ticket to reconnect when the one it holds is about to expire, and after a stop', async () => {
    connection.stop();
    let issued = 0;
    const { conn, own } = standalone({ ticket: async () => ({ ticket: `s${issued++}`, expiresAt: Date.now() + 15_200 }) });
    conn.start(W);
    await flush();
    own[0].open();
    own[0].drop();
    await vi.advanceTimersByTimeAsync(backoffDelay(0, () => 0.5));
    own[1].open();
    expect(own[1].sent[0]).toEqual({ type: 'auth', v: 1, token: 's1' });
    conn.stop();
    conn.start(W);
    await flush();
    own[2].open();
    expect(own[2].sent[0]).toEqual({ type: 'auth', v: 1, token: 's2' });
    conn.stop();
  });

  it('takes the cursor of heartbeats as a resume point', async () => {
    const first = await live();
    first.server({ type: 'heartbeat', cursors: { [W]: 'hb7' } });
    first.drop();
    await vi.advanceTimersByTimeAsync(1_000);
    const second = await live();
    expect(second.sent[1]).toMatchObject({ cursor: 'hb7' });
  });

  it('passes on a resync so the state is refetched, and continues from its cursor', async () => {
    const socket = await live();
    socket.server({ type: 'resync', website_id: W, cursor: 'fresh' });
    expect(frames.map((f) => f.type)).toEqual([RESYNC]);
    socket.drop();
    await vi.advanceTimersByTimeAsync(1_000);
    const second = await live();
    expect(second.sent[1]).toMatchObject({ cursor: 'fresh' });
  });

  it('reconnects when the server stays silent for two heartbeats', async () => {
    await live();
    await vi.advanceTimersByTimeAsync(30_000);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sockets.length).toBe(2);
  });

  it('pings while connected and renews its ticket before it expires', async () => {
    const socket = await live();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(socket.sent.some((f) => f.type === 'ping')).toBe(true);
    socket.server({ type: 'pong', cursors: {} });
    await vi.advanceTimersByTimeAsync(25_000);
    expect(socket.sent.filter((f) => f.type === 'auth')).toHaveLength(2);
    socket.server({ type: 'ready', v: 1, role: 'agent', expires_at: '' });
    expect(socket.sent.filter((f) => f.type === 'subscribe')).toHaveLength(1);
  });

  it('reconnects at once when woken while disconnected', async () => {
    const socket = await live();
    connection.offline();
    expect(statuses.at(-1)).toBe('offline');
    expect(socket.readyState).toBe(3);
    connection.wake();
    await flush();
    expect(sockets.length).toBe(2);
  });

  it('waits for the network instead of retrying while the device is offline', async () => {
    connection.stop();
    let online = true;
    const { conn, own } = standalone({ isOnline: () => online });
    conn.start(W);
    await flush();
    own[0].open();
    online = false;
    conn.offline();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(own.length).toBe(1);
    online = true;
    conn.wake();
    await flush();
    expect(own.length).toBe(2);
    conn.stop();
  });

  it('follows the server when told to reconnect', async () => {
    const socket = await live();
    socket.server({ type: 'reconnect', after_ms: 1500 });
    await vi.advanceTimersByTimeAsync(1_400);
    expect(sockets.length).toBe(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(sockets.length).toBe(2);
  });
});

describe('backoffDelay', () => {
  it.each([
    [0, 1, 499],
    [3, 1, 3_999],
    [20, 1, 29_999],
    [5, 0, 0],
  ])('after %i failures with random %f waits at most %i ms', (attempt, random, max) => {
    expect(backoffDelay(attempt, () => random * 0.9999999)).toBeLessThanOrEqual(max);
  });
});
