import { backoffDelay } from './backoff';
import { SeenIds } from './seen';
import type { Frame } from './types';

/** The part of a WebSocket the client uses, so tests can hand in a fake. */
export interface SocketLike {
  readyState: number;
  onopen: ((e: unknown) => void) | null;
  onmessage: ((e: { data: unknown }) => void) | null;
  onclose: ((e: { code: number }) => void) | null;
  onerror: ((e: unknown) => void) | null;
  send(data: string): void;
  close(code?: number): void;
}

/** What the realtime client reports to the widget. */
export interface RealtimeHandlers {
  /** A new event (never one already handled), in the order the server sent it. */
  event(frame: Frame): void;
  /** The cursor did not fit: refetch the state over REST. */
  resync(): void;
  /** Subscribed (true) or lost the connection (false). */
  status(live: boolean): void;
  /** The credentials were refused (4401); get a new token and call `restart`. */
  expired(): void;
  /** The server refused this visitor for good (4403, 4400): the client stopped. */
  refused(code: number): void;
}

/** Timing of the client; defaults follow docs/protocol.md (heartbeat every 15 s, idle close after 60 s). */
export interface RealtimeTiming {
  watchdogMs: number;
  pingMs: number;
}

export const DEFAULT_TIMING: RealtimeTiming = { watchdogMs: 30000, pingMs: 25000 };

/**
 * The visitor's side of the realtime protocol v1: auth, subscribe with the resume cursor, events deduplicated by
 * `event_id`, a heartbeat watchdog, pings, and reconnects with exponential backoff and jitter.
 */
export class RealtimeClient {
  private socket: SocketLike | null = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  private pinger: ReturnType<typeof setInterval> | undefined;
  private stopped = true;
  private live = false;
  private readonly seen = new SeenIds();

  constructor(
    private url: string,
    private token: string,
    public cursor: string | null,
    private readonly on: RealtimeHandlers,
    private readonly open: (url: string) => SocketLike = (u) => new WebSocket(u) as unknown as SocketLike,
    private readonly timing: RealtimeTiming = DEFAULT_TIMING,
    private readonly random: () => number = Math.random,
  ) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  /** Reconnects with fresh credentials (after `expired`), keeping the cursor. */
  restart(url: string, token: string): void {
    this.url = url;
    this.token = token;
    this.drop();
    this.stopped = false;
    this.attempt = 0;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.drop();
  }

  /** Connects now if not connected (the page came back online or into view), without waiting for the backoff. */
  wake(): void {
    if (this.stopped || this.socket) return;
    clearTimeout(this.retryTimer);
    this.attempt = 0;
    this.connect();
  }

  /** Sends a frame when subscribed; false when it could not. */
  send(frame: Record<string, unknown>): boolean {
    if (!this.live || !this.socket) return false;
    try {
      this.socket.send(JSON.stringify(frame));
      return true;
    } catch {
      return false;
    }
  }

  private connect(): void {
    let socket: SocketLike;
    try {
      socket = this.open(this.url);
    } catch {
      this.retry();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.raw({ type: 'auth', v: 1, token: this.token });
      this.feedWatchdog();
    };
    socket.onmessage = (e) => {
      if (this.socket !== socket) return;
      this.feedWatchdog();
      let frame: Frame;
      try {
        frame = JSON.parse(String(e.data));
      } catch {
        return;
      }
      if (frame && typeof frame.type === 'string') this.handle(frame);
    };
    socket.onclose = (e) => {
      if (this.socket !== socket) return;
      this.closed(e.code);
    };
    socket.onerror = () => undefined;
  }

  private handle(frame: Frame): void {
    switch (frame.type) {
      case 'ready':
        this.raw(this.cursor ? { type: 'subscribe', cursor: this.cursor } : { type: 'subscribe' });
        return;
      case 'subscribed':
        if (!this.cursor && frame.cursor) this.cursor = frame.cursor;
        this.attempt = 0;
        this.setLive(true);
        clearInterval(this.pinger);
        this.pinger = setInterval(() => this.raw({ type: 'ping' }), this.timing.pingMs);
        return;
      case 'heartbeat':
      case 'pong': {
        const cursors = frame.cursors || {};
        const first = Object.keys(cursors)[0];
        if (first) this.cursor = cursors[first];
        return;
      }
      case 'resync':
        if (frame.cursor) this.cursor = frame.cursor;
        this.on.resync();
        return;
      case 'reconnect':
        this.drop();
        this.schedule(Math.max(0, Number(frame.after_ms) || 0));
        return;
      case 'error':
      case 'unsubscribed':
        return;
    }
    if (!frame.event_id) return;
    if (this.seen.add(frame.event_id)) this.on.event(frame);
    if (frame.cursor) this.cursor = frame.cursor;
  }

  private closed(code: number): void {
    this.drop();
    if (this.stopped) return;
    if (code === 4401) {
      this.on.expired();
    } else if (code === 4403 || code === 4400) {
      this.stopped = true;
      this.on.refused(code);
    } else {
      this.retry();
    }
  }

  private retry(): void {
    this.schedule(backoffDelay(this.attempt++, this.random));
  }

  private schedule(delay: number): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (!this.stopped && !this.socket) this.connect();
    }, delay);
  }

  private feedWatchdog(): void {
    clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => {
      if (this.socket) this.closed(4000);
    }, this.timing.watchdogMs);
  }

  private raw(frame: Record<string, unknown>): void {
    try {
      this.socket?.send(JSON.stringify(frame));
    } catch {
      // The close that follows reconnects.
    }
  }

  private drop(): void {
    clearTimeout(this.watchdog);
    clearTimeout(this.retryTimer);
    clearInterval(this.pinger);
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = null;
      try {
        socket.close();
      } catch {
        // Already closed.
      }
    }
    this.setLive(false);
  }

  private setLive(live: boolean): void {
    if (this.live === live) return;
    this.live = live;
    this.on.status(live);
  }
}
