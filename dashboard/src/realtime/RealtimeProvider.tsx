import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { apiFetch } from '../api/client';
import type { Ticket } from '../api/types';
import { RealtimeConnection } from './connection';
import type { RealtimeFrame, RealtimeStatus } from './frames';

export type { RealtimeFrame, RealtimeStatus } from './frames';
export { RESYNC } from './frames';

/** The realtime stream of the current website. */
export interface Realtime {
  status: RealtimeStatus;
  /** Calls `handler` with every new event frame (and `resync`); returns the unsubscribe function. */
  subscribe(handler: (frame: RealtimeFrame) => void): () => void;
  /** Sends a client frame (`typing`, `read`, `presence`); false when the socket is not connected. */
  send(frame: Record<string, unknown>): boolean;
}

const RealtimeContext = createContext<Realtime | null>(null);

/** The realtime stream; only inside RealtimeProvider. */
export function useRealtime(): Realtime {
  const realtime = useContext(RealtimeContext);
  if (!realtime) throw new Error('useRealtime outside RealtimeProvider');
  return realtime;
}

function socketUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}/ws`;
}

async function fetchTicket(): Promise<{ ticket: string; expiresAt: number }> {
  const ticket = await apiFetch<Ticket>('/v1/realtime/tickets', { method: 'POST' });
  return { ticket: ticket.ticket, expiresAt: Date.parse(ticket.expires_at) };
}

/** Keeps one WebSocket to `/ws` subscribed to `websiteId` while mounted. */
export function RealtimeProvider(props: { websiteId: string; children: ReactNode }) {
  const [status, setStatus] = useState<RealtimeStatus>('connecting');
  const handlers = useRef(new Set<(frame: RealtimeFrame) => void>());
  const connection = useRef<RealtimeConnection | null>(null);

  useEffect(() => {
    const conn = new RealtimeConnection({
      ticket: fetchTicket,
      open: () => new WebSocket(socketUrl()),
      onFrame: (frame) => {
        for (const handler of [...handlers.current]) handler(frame);
      },
      onStatus: setStatus,
      isOnline: () => navigator.onLine,
    });
    connection.current = conn;
    const wake = () => conn.wake();
    const offline = () => conn.offline();
    const visible = () => {
      if (document.visibilityState === 'visible') conn.wake();
    };
    window.addEventListener('online', wake);
    window.addEventListener('offline', offline);
    document.addEventListener('visibilitychange', visible);
    return () => {
      window.removeEventListener('online', wake);
      window.removeEventListener('offline', offline);
      document.removeEventListener('visibilitychange', visible);
      conn.stop();
      connection.current = null;
    };
  }, []);

  useEffect(() => {
    connection.current?.start(props.websiteId);
  }, [props.websiteId]);

  const subscribe = useCallback((handler: (frame: RealtimeFrame) => void) => {
    handlers.current.add(handler);
    return () => {
      handlers.current.delete(handler);
    };
  }, []);
  const send = useCallback((frame: Record<string, unknown>) => connection.current?.send(frame) ?? false, []);
  const value = useMemo<Realtime>(() => ({ status, subscribe, send }), [status, subscribe, send]);
  return <RealtimeContext.Provider value={value}>{props.children}</RealtimeContext.Provider>;
}

/** Provides a fixed realtime stream (for tests of components that read `useRealtime()`). */
export function RealtimeContextProvider(props: { value: Realtime; children: ReactNode }) {
  return <RealtimeContext.Provider value={props.value}>{props.children}</RealtimeContext.Provider>;
}
