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
  private _socket: SocketLike | null = null;
  private _attempt = 0;
  private _retryTimer: ReturnType<typeof setTimeout> | undefined;
  private _watchdog: ReturnType<typeof setTimeout> | undefined;
  private _pinger: ReturnType<typeof setInterval> | undefined;
  private _stopped = true;
  private _live = false;
  private readonly _seen = new SeenIds();

  constructor(
    private _url: string,
    private _token: string,
    public cursor: string | null,
    private readonly _on: RealtimeHandlers,
    private readonly _open: (url: string) => SocketLike = (u) => new WebSocket(u) as unknown as SocketLike,
    private readonly _timing: RealtimeTiming = DEFAULT_TIMING,
    private readonly _random: () => number = Math.random,
  ) {}

  start(): void {
    this._stopped = false;
    this._connect();
  }

  /** Reconnects with fresh credentials (after `expired`), keeping the cursor. */
  restart(url: string, token: string): void {
    this._url = url;
    this._token = token;
    this._drop();
    this._stopped = false;
    this._attempt = 0;
    this._connect();
  }

  stop(): void {
    this._stopped = true;
    this._drop();
  }

  /** Connects now if not connected (the page came back online or into view), without waiting for the backoff. */
  wake(): void {
    if (this._stopped || this._socket) return;
    clearTimeout(this._retryTimer);
    this._attempt = 0;
    this._connect();
  }

  /** Sends a frame when subscribed; false when it could not. */
  send(frame: Record<string, unknown>): boolean {
    if (!this._live || !this._socket) return false;
    try {
      this._socket.send(JSON.stringify(frame));
      return true;
    } catch {
      return false;
    }
  }

  private _connect(): void {
    let socket: SocketLike;
    try {
      socket = this._open(this._url);
    } catch {
      this._retry();
      return;
    }
    this._socket = socket;
    socket.onopen = () => {
      this._raw({ type: 'auth', v: 1, token: this._token });
      this._feedWatchdog();
    };
    socket.onmessage = (e) => {
      if (this._socket !== socket) return;
      this._feedWatchdog();
      let frame: Frame;
      try {
        frame = JSON.parse(String(e.data));
      } catch {
        return;
      }
      if (frame && typeof frame.type === 'string') this._handle(frame);
    };
    socket.onclose = (e) => {
      if (this._socket !== socket) return;
      this._closed(e.code);
    };
    socket.onerror = () => undefined;
  }

  private _handle(frame: Frame): void {
    switch (frame.type) {
      case 'ready':
        this._raw(this.cursor ? { type: 'subscribe', cursor: this.cursor } : { type: 'subscribe' });
        return;
      case 'subscribed':
        if (!this.cursor && frame.cursor) this.cursor = frame.cursor;
        this._attempt = 0;
        this._setLive(true);
        clearInterval(this._pinger);
        this._pinger = setInterval(() => this._raw({ type: 'ping' }), this._timing.pingMs);
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
        this._on.resync();
        return;
      case 'reconnect':
        this._drop();
        this._schedule(Math.max(0, Number(frame.after_ms) || 0));
        return;
      case 'error':
      case 'unsubscribed':
        return;
    }
    if (!frame.event_id) return;
    if (this._seen.add(frame.event_id)) this._on.event(frame);
    if (frame.cursor) this.cursor = frame.cursor;
  }

  private _closed(code: number): void {
    this._drop();
    if (this._stopped) return;
    if (code === 4401) {
      this._on.expired();
    } else if (code === 4403 || code === 4400) {
      this._stopped = true;
      this._on.refused(code);
    } else {
      this._retry();
    }
  }

  private _retry(): void {
    this._schedule(backoffDelay(this._attempt++, this._random));
  }

  private _schedule(delay: number): void {
    clearTimeout(this._retryTimer);
    this._retryTimer = setTimeout(() => {
      if (!this._stopped && !this._socket) this._connect();
    }, delay);
  }

  private _feedWatchdog(): void {
    clearTimeout(this._watchdog);
    this._watchdog = setTimeout(() => {
      if (this._socket) this._closed(4000);
    }, this._timing.watchdogMs);
  }

  private _raw(frame: Record<string, unknown>): void {
    try {
      this._socket?.send(JSON.stringify(frame));
    } catch {
      // The close that follows reconnects.
    }
  }

  private _drop(): void {
    clearTimeout(this._watchdog);
    clearTimeout(this._retryTimer);
    clearInterval(this._pinger);
    const socket = this._socket;
    this._socket = null;
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = null;
      try {
        socket.close();
      } catch {
        // Already closed.
      }
    }
    this._setLive(false);
  }

  private _setLive(live: boolean): void {
    if (this._live === live) return;
    this._live = live;
    this._on.status(live);
  }
}
