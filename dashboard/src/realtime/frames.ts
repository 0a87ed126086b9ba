/** An event frame of the realtime protocol (docs/protocol.md, "Server → client: events"). */
export interface RealtimeFrame {
  type: string;
  event_id: string;
  website_id: string;
  conversation_id?: string;
  seq?: number;
  occurred_at?: string;
  cursor?: string;
  data: Record<string, unknown>;
}

/** The connection's state, for the indicator. */
export type RealtimeStatus = 'connecting' | 'live' | 'resyncing' | 'offline';

/**
 * The frame handed to subscribers when the client cannot vouch for the events between its last cursor and now (the
 * server answered `resync`, or the socket came back without a cursor): refetch the website's state over REST.
 */
export const RESYNC = 'resync';

/** Remembers the last `capacity` event ids, to drop events a resume repeats. */
export class SeenEvents {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity = 5000) {}

  /** True the first time an id is offered, false after. */
  firstTime(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next().value as string;
      this.ids.delete(oldest);
    }
    return true;
  }
}

/** Full-jitter exponential backoff: a random delay up to min(cap, base × 2^attempt). */
export function backoffDelay(attempt: number, random: () => number = Math.random, base = 500, cap = 30_000): number {
  return Math.floor(random() * Math.min(cap, base * 2 ** Math.min(attempt, 16)));
}
