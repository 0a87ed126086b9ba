import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RealtimeClient, type RealtimeHandlers, type SocketLike } from '../src/core/realtime';
import type { Frame } from '../src/core/types';

/** A WebSocket stand-in: records what the client sends and lets the test play the server. */
class FakeSocket implements SocketLike {
  readyState = 0;
  sent: any[] = [];
  closed = false;
  onopen: ((e: unknown) => void) | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.closed = true;
  }
  serverOpens() {
    this.readyState = 1;
    this.onopen?.({});
  }
  serverSends(frame: Record<string, unknown>) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  serverCloses(code: number) {
    this.onclose?.({ code });
  }
}

const event = (id: string, seq: number, cursor: string): Frame => ({
  type: 'message:new',
  event_id: id,
  conversation_id: 'c1',
  seq,
  cursor,
  data: { message_id: 'm' + seq, seq: String(seq), kind: 'MESSAGE_KIND_TEXT', body: 'b' + seq },
});

describe('RealtimeClient', () => {
  let sockets: FakeSocket[];
  let events: Frame[];
  let handlers: RealtimeHandlers & { [k: string]: any };
  let client: RealtimeClient;

  const latest = () => sockets[sockets.length - 1];
  const handshake = (socket = latest()) => {
    socket.serverOpens();
    socket.serverSends({ type: 'ready', v: 1, role: 'visitor' });
    socket.serverSends({ type: 'subscribed', website_id: 'w', cursor: 'start' });
  };

  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    events = [];
    handlers = {
      event: (f: Frame) => events.push(f),
      resync: vi.fn(),
      status: vi.fn(),
      expired: vi.fn(),
      refused: vi.fn(),
    };
    client = new RealtimeClient('ws://edge/ws', 'token-1', 'cursor-0', handlers, (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    }, { watchdogMs: 30000, pingMs: 25000 }, () => 0.5);
    client.start();
  });

  afterEach(() => {
    client.stop();
    vi.useRealTimers();
  });

  it('authenticates with the token, then subscribes with the session cursor', () => {
    handshake();
    expect(latest().sent).toEqual([{ type: 'auth', v: 1, token: 'token-1' }, { type: 'subscribe', cursor: 'cursor-0' }]);
    expect(handlers.status).toHaveBeenCalledWith(true);
  });

  it('passes events on in the order received and drops repeated event ids', () => {
    handshake();
    [event('e1', 1, 'k1'), event('e2', 2, 'k2'), event('e1', 1, 'k1'), event('e3', 3, 'k3'), event('e2', 2, 'k2')].forEach((f) =>
      latest().serverSends(f as unknown as Record<string, unknown>),
    );
    expect(events.map((e) => e.event_id)).toEqual(['e1', 'e2', 'e3']);
  });

  it('resumes after a drop from the cursor of the last event, and drops what the replay repeats', () => {
    handshake();
    latest().serverSends(event('e1', 1, 'k1') as any);
    latest().serverSends(event('e2', 2, 'k2') as any);
    latest().serverCloses(1006);
    expect(handlers.status).toHaveBeenLastCalledWith(false);

    vi.advanceTimersByTime(1000);
    expect(sockets).toHaveLength(2);
    handshake();
    expect(latest().sent[1]).toEqual({ type: 'subscribe', cursor: 'k2' });
    latest().serverSends(event('e2', 2, 'k2') as any);
    latest().serverSends(event('e3', 3, 'k3') as any);
    expect(events.map((e) => e.event_id)).toEqual(['e1', 'e2', 'e3']);
  });

  it('takes the cursor of a heartbeat too', () => {
    handshake();
    latest().serverSends({ type: 'heartbeat', cursors: { w: 'hb-7' } });
    latest().serverCloses(1006);
    vi.advanceTimersByTime(1000);
    handshake();
    expect(latest().sent[1]).toEqual({ type: 'subscribe', cursor: 'hb-7' });
  });

  it('asks for a REST resync and continues from the cursor resync carries', () => {
    handshake();
    latest().serverSends({ type: 'resync', website_id: 'w', cursor: 'fresh' });
    expect(handlers.resync).toHaveBeenCalledTimes(1);
    expect(client.cursor).toBe('fresh');
  });

  it('reconnects with exponential backoff while the server stays away', () => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const before = sockets.length;
      latest().serverCloses(1006);
      let waited = 0;
      while (sockets.length === before) {
        vi.advanceTimersByTime(100);
        waited += 100;
      }
      times.push(waited);
    }
    // random() = 0.5 puts each delay at 3/4 of its ceiling: 1 s, 2 s, 4 s, 8 s, 16 s.
    expect(times).toEqual([800, 1500, 3000, 6000, 12000]);
    handshake();
    latest().serverCloses(1006);
    vi.advanceTimersByTime(800);
    expect(sockets).toHaveLength(7);
  });

  it('closes a silent socket after the watchdog time and reconnects', () => {
    handshake();
    vi.advanceTimersByTime(29000);
    latest().serverSends({ type: 'heartbeat', cursors: {} });
    vi.advanceTimersByTime(29000);
    expect(latest().closed).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(sockets[0].closed).toBe(true);
    expect(handlers.status).toHaveBeenLastCalledWith(false);
    vi.advanceTimersByTime(1000);
    expect(sockets).toHaveLength(2);
  });

  it('pings every 25 s so the server does not close it as idle', () => {
    handshake();
    vi.advanceTimersByTime(25000);
    latest().serverSends({ type: 'pong', cursors: {} });
    expect(latest().sent[2]).toEqual({ type: 'ping' });
  });

  it('reconnects at once on wake, without waiting for the backoff', () => {
    latest().serverCloses(1006);
    vi.advanceTimersByTime(900);
    latest().serverCloses(1006);
    client.wake();
    expect(sockets).toHaveLength(3);
  });

  it('follows a reconnect frame after the delay it names', () => {
    handshake();
    latest().serverSends({ type: 'reconnect', after_ms: 1500 });
    expect(sockets[0].closed).toBe(true);
    vi.advanceTimersByTime(1499);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
  });

  it.each([
    [4401, 'expired'],
    [4403, 'refused'],
    [4400, 'refused'],
  ])('on close %i calls %s and does not retry by itself', (code, handler) => {
    handshake();
    latest().serverCloses(code);
    vi.advanceTimersByTime(60000);
    expect(handlers[handler]).toHaveBeenCalled();
    expect(sockets).toHaveLength(1);
  });

  it('restarts with new credentials and keeps its cursor', () => {
    handshake();
    latest().serverSends(event('e1', 1, 'k1') as any);
    latest().serverCloses(4401);
    client.restart('ws://edge/ws', 'token-2');
    handshake();
    expect(latest().sent.slice(0, 2)).toEqual([{ type: 'auth', v: 1, token: 'token-2' }, { type: 'subscribe', cursor: 'k1' }]);
  });

  it('sends frames only while subscribed', () => {
    expect(client.send({ type: 'typing', conversation_id: 'c1', typing: true })).toBe(false);
    handshake();
    expect(client.send({ type: 'typing', conversation_id: 'c1', typing: true })).toBe(true);
  });
});
