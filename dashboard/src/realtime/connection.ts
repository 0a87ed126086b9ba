import { backoffDelay, RESYNC, SeenEvents, type RealtimeFrame, type RealtimeStatus } from './frames';

/** What the connection needs from the outside world. */
export interface ConnectionDeps {
  /** A fresh realtime ticket and its expiry. */
  ticket(): Promise<{ ticket: string; expiresAt: number }>;
  /** Opens a WebSocket to the edge. */
  open(): WebSocket;
  onFrame(frame: RealtimeFrame): void;
  onStatus(status: RealtimeStatus): void;
  /** Whether the device has a network; without one the connection waits for `wake()` instead of retrying. */
  isOnline?: () => boolean;
  now?: () => number;
  random?: () => number;
}

const PING_MS = 20_000;
const SILENCE_MS = 30_000;
const RENEW_BEFORE_MS = 15_000;

/**
 * One agent's WebSocket to the realtime edge: authenticates with tickets (renewed before they expire), subscribes
 * to one website, resumes from the last cursor after any drop, drops repeated events, pings, reconnects with
 * jittered backoff when the socket closes or stays silent past two heartbeats. A reconnect sends the ticket it holds
 * while that has time left (the node taking over finds its signature checked, docs/protocol.md "Checked signatures"),
 * and a new one after the edge refused it (4401).
 */
export class RealtimeConnection {
  private socket: WebSocket | null = null;
  /** The socket the first `ready` was answered on: a renewal's `ready` needs no new subscription. */
  private subscribedOn: WebSocket | null = null;
  private websiteId: string | null = null;
  private cursor: string | null = null;
  private credentials: { ticket: string; expiresAt: number } | null = null;
  private attempt = 0;
  private stopped = true;
  private wasLive = false;
  private status: RealtimeStatus = 'connecting';
  private readonly seen = new SeenEvents();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(private readonly deps: ConnectionDeps) {
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
  }

  /** Connects (if not already) and follows `websiteId`. */
  start(websiteId: string): void {
    if (this.websiteId !== websiteId) {
      const previous = this.websiteId;
      this.websiteId = websiteId;
      this.cursor = null;
      if (previous && this.isOpen()) {
        this.send({ type: 'unsubscribe', website_id: previous });
        this.subscribe();
      }
    }
    if (this.stopped) {
      this.stopped = false;
      void this.connect();
    }
  }

  /** Closes the socket for good. */
  stop(): void {
    this.stopped = true;
    this.credentials = null;
    this.clearTimers();
    this.socket?.close(1000);
    this.socket = null;
  }

  /** Sends a client frame when connected; returns whether it went out. */
  send(frame: Record<string, unknown>): boolean {
    if (!this.isOpen()) return false;
    this.socket!.send(JSON.stringify(frame));
    return true;
  }

  /** Checks the socket now (the tab became visible, the network came back): reconnects at once if it is down. */
  wake(): void {
    if (this.stopped) return;
    if (this.isOpen()) {
      this.send({ type: 'ping' });
      return;
    }
    this.clearTimer('retry');
    this.setStatus(this.wasLive ? 'resyncing' : 'connecting');
    if (!this.socket) void this.connect();
  }

  /** The network went away: show offline and drop the socket, which will not hear anything anyway. */
  offline(): void {
    if (this.stopped) return;
    this.setStatus('offline');
    this.drop();
  }

  private isOpen(): boolean {
    return this.socket !== null && this.socket.readyState === 1;
  }

  private async connect(): Promise<void> {
    if (this.status !== 'offline') this.setStatus(this.wasLive ? 'resyncing' : 'connecting');
    let credentials = this.credentials;
    if (!credentials || credentials.expiresAt - this.now() <= RENEW_BEFORE_MS) {
      try {
        credentials = await this.deps.ticket();
      } catch {
        this.retryLater();
        return;
      }
    }
    if (this.stopped || this.socket) return;
    this.credentials = credentials;
    const socket = this.deps.open();
    this.socket = socket;
    socket.onopen = () => {
      socket.send(JSON.stringify({ type: 'auth', v: 1, token: credentials.ticket }));
      this.scheduleRenewal(credentials.expiresAt);
    };
    socket.onmessage = (event) => {
      if (this.socket === socket) this.receive(String(event.data));
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.clearTimers();
      if (event.code === 4401) this.credentials = null;
      if (!this.stopped) this.retryLater(event.code === 4401 ? 0 : undefined);
    };
    this.watch();
  }

  private receive(text: string): void {
    this.watch();
    let frame: Record<string, unknown>;
    try {
      frame = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return;
    }
    switch (frame.type) {
      case 'ready':
        if (this.subscribedOn === this.socket) return;
        this.subscribedOn = this.socket;
        if (this.websiteId) this.subscribe();
        this.schedulePing();
        return;
      case 'subscribed':
        if (frame.website_id !== this.websiteId) return;
        if (typeof frame.cursor === 'string') this.cursor = frame.cursor;
        this.attempt = 0;
        this.wasLive = true;
        this.setStatus('live');
        return;
      case 'resync':
        if (frame.website_id !== this.websiteId) return;
        this.cursor = (frame.cursor as string) ?? null;
        this.setStatus('resyncing');
        this.emitResync();
        this.setStatus('live');
        return;
      case 'heartbeat':
      case 'pong': {
        const cursors = frame.cursors as Record<string, string> | undefined;
        if (this.websiteId && cursors?.[this.websiteId]) this.cursor = cursors[this.websiteId];
        return;
      }
      case 'reconnect':
        this.drop(typeof frame.after_ms === 'number' ? frame.after_ms : undefined);
        return;
      case 'unsubscribed':
      case 'error':
        return;
      default:
        if (typeof frame.event_id !== 'string') return;
        if (frame.website_id !== this.websiteId) return;
        if (typeof frame.cursor === 'string') this.cursor = frame.cursor;
        if (this.seen.firstTime(frame.event_id)) this.deps.onFrame(frame as unknown as RealtimeFrame);
    }
  }

  private subscribe(): void {
    const frame: Record<string, unknown> = { type: 'subscribe', website_id: this.websiteId };
    if (this.cursor) frame.cursor = this.cursor;
    else if (this.wasLive) this.emitResync();
    this.send(frame);
  }

  private emitResync(): void {
    if (!this.websiteId) return;
    this.deps.onFrame({ type: RESYNC, event_id: `resync:${this.now()}`, website_id: this.websiteId, data: {} });
  }

  private drop(afterMs?: number): void {
    const socket = this.socket;
    this.socket = null;
    this.clearTimers();
    socket?.close(1000);
    if (!this.stopped) this.retryLater(afterMs);
  }

  private retryLater(delayMs?: number): void {
    if (this.stopped) return;
    if (this.deps.isOnline && !this.deps.isOnline()) {
      this.setStatus('offline');
      return;
    }
    if (this.status !== 'offline') this.setStatus(this.wasLive ? 'resyncing' : 'connecting');
    const delay = delayMs ?? backoffDelay(this.attempt, this.random);
    this.attempt += 1;
    this.setTimer('retry', delay, () => void this.connect());
  }

  private watch(): void {
    this.setTimer('silence', SILENCE_MS, () => this.drop());
  }

  private schedulePing(): void {
    this.setTimer('ping', PING_MS, () => {
      this.send({ type: 'ping' });
      this.schedulePing();
    });
  }

  private scheduleRenewal(expiresAt: number): void {
    const delay = Math.max(1_000, expiresAt - this.now() - RENEW_BEFORE_MS);
    this.setTimer('renew', delay, async () => {
      try {
        const next = await this.deps.ticket();
        if (this.send({ type: 'auth', v: 1, token: next.ticket })) {
          this.credentials = next;
          this.scheduleRenewal(next.expiresAt);
        }
      } catch {
        this.scheduleRenewal(this.now() + RENEW_BEFORE_MS + 5_000);
      }
    });
  }

  private setStatus(status: RealtimeStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.deps.onStatus(status);
  }

  private setTimer(name: string, delay: number, run: () => void): void {
    this.clearTimer(name);
    this.timers.set(name, setTimeout(run, delay));
  }

  private clearTimer(name: string): void {
    const timer = this.timers.get(name);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(name);
  }

  private clearTimers(): void {
    for (const name of [...this.timers.keys()]) this.clearTimer(name);
  }
}
