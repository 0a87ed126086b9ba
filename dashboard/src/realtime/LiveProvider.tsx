import { useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { apiFetch } from '../api/client';
import type { TeamPresence } from '../api/types';
import type { InboxPage } from '../inbox/types';
import { askNotificationPermission, isMuted, notify, shouldNotify } from '../notify/notifier';
import { navigate } from '../router';
import { useSession } from '../session/session';
import { EphemeralStore, type Presence } from './ephemeral';
import { messageOf } from './eventData';
import type { RealtimeFrame } from './frames';
import { keys, LiveCache } from './liveCache';
import { useRealtime } from './RealtimeProvider';

const PRESENCE_KEY = 'zendo.presence';
const PRESENCE_EVENT = 'zendo-presence';

interface Live {
  ephemeral: EphemeralStore;
  /** The conversation on screen (or null), for unread counts and notifications. */
  setFocused(conversationId: string | null): void;
  myPresence: 'online' | 'away';
  setMyPresence(status: 'online' | 'away'): void;
}

const LiveContext = createContext<Live | null>(null);

function useLive(): Live {
  const live = useContext(LiveContext);
  if (!live) throw new Error('useLive outside LiveProvider');
  return live;
}

/** Re-renders when typing or presence change; returns the store. */
export function useEphemeral(): EphemeralStore {
  const { ephemeral } = useLive();
  useSyncExternalStore(ephemeral.subscribe, ephemeral.getVersion);
  return ephemeral;
}

/** Marks a conversation as the one on screen while mounted. */
export function useFocusedConversation(conversationId: string | null): void {
  const { setFocused } = useLive();
  useEffect(() => {
    setFocused(conversationId);
    return () => setFocused(null);
  }, [conversationId, setFocused]);
}

/** The agent's own presence and its setter (sent as a `presence` frame, kept across reloads). */
export function useMyPresence(): [Presence, (status: 'online' | 'away') => void] {
  const { myPresence, setMyPresence } = useLive();
  return [myPresence, setMyPresence];
}

function readPresence(): 'online' | 'away' {
  try {
    return localStorage.getItem(PRESENCE_KEY) === 'away' ? 'away' : 'online';
  } catch {
    return 'online';
  }
}

/**
 * Feeds the realtime stream into the query cache and the ephemeral store, notifies about new conversations and
 * messages, keeps the tab title's unread count, and announces the agent's own presence on every (re)connection.
 */
export function LiveProvider(props: { children: ReactNode }) {
  const session = useSession();
  const websiteId = session.website!.id;
  const me = session.agent.id;
  const realtime = useRealtime();
  const queryClient = useQueryClient();
  const ephemeral = useMemo(() => new EphemeralStore(), [websiteId]);
  const focused = useRef<string | null>(null);
  const [myPresence, setPresenceState] = useStoredPresence();

  useEffect(() => {
    const cache = new LiveCache(queryClient, websiteId, me, ephemeral, () => focused.current);
    const off = realtime.subscribe((frame) => {
      cache.apply(frame);
      notifyAbout(frame, focused.current);
    });
    return () => {
      off();
      cache.dispose();
    };
  }, [queryClient, websiteId, me, ephemeral, realtime.subscribe]);

  useEffect(() => {
    if (realtime.status === 'live') {
      realtime.send({ type: 'presence', status: myPresence });
      ephemeral.setPresence(me, myPresence);
    }
  }, [realtime.status, realtime.send, myPresence, ephemeral, me]);

  useTeamPresence(websiteId, me, ephemeral, realtime.status === 'live');

  useUnreadTitle(websiteId);

  useEffect(() => {
    const ask = () => {
      if (!isMuted()) askNotificationPermission();
    };
    window.addEventListener('pointerdown', ask, { once: true });
    return () => window.removeEventListener('pointerdown', ask);
  }, []);

  const value = useMemo<Live>(
    () => ({
      ephemeral,
      setFocused: (id) => {
        focused.current = id;
      },
      myPresence,
      setMyPresence: setPresenceState,
    }),
    [ephemeral, myPresence, setPresenceState],
  );
  return <LiveContext.Provider value={value}>{props.children}</LiveContext.Provider>;
}

/**
 * Loads every teammate's presence on start, on resync (which refetches the whole website) and after each reconnection
 * (frames sent while the socket was down are not replayed), and merges it under the frames that arrived meanwhile.
 */
function useTeamPresence(websiteId: string, me: string, ephemeral: EphemeralStore, live: boolean): void {
  const queryClient = useQueryClient();
  const presence = useQuery({
    queryKey: keys.presence(websiteId),
    queryFn: async ({ signal }) => {
      const mark = ephemeral.presenceMark();
      const loaded = await apiFetch<TeamPresence>(`/v1/inbox/${websiteId}/presence`, { signal });
      return { mark, loaded };
    },
    gcTime: 0,
  });
  useEffect(() => {
    if (presence.data) {
      ephemeral.loadPresence(
        presence.data.loaded.agents.filter((a) => a.agent_id !== me).map((a) => ({ agentId: a.agent_id, status: a.status })),
        presence.data.mark,
      );
    }
  }, [presence.data, ephemeral, me]);
  const connection = useRef<'never' | 'live' | 'dropped'>('never');
  useEffect(() => {
    if (live && connection.current === 'dropped') void queryClient.invalidateQueries({ queryKey: keys.presence(websiteId) });
    if (live) connection.current = 'live';
    else if (connection.current === 'live') connection.current = 'dropped';
  }, [live, queryClient, websiteId]);
}

function subscribePresence(listener: () => void): () => void {
  window.addEventListener(PRESENCE_EVENT, listener);
  return () => window.removeEventListener(PRESENCE_EVENT, listener);
}

function setStoredPresence(next: 'online' | 'away'): void {
  localStorage.setItem(PRESENCE_KEY, next);
  window.dispatchEvent(new Event(PRESENCE_EVENT));
}

function useStoredPresence(): ['online' | 'away', (status: 'online' | 'away') => void] {
  return [useSyncExternalStore(subscribePresence, readPresence), setStoredPresence];
}

function notifyAbout(frame: RealtimeFrame, focused: string | null): void {
  if (frame.type === 'conversation:open' && frame.conversation_id) {
    const id = frame.conversation_id;
    if (shouldNotify(id, focused, document.hidden)) {
      notify('New conversation', 'A visitor started a conversation.', id, () => navigate(`/inbox/open/${id}`));
    }
    return;
  }
  if (frame.type !== 'message:new') return;
  const message = messageOf(frame);
  if (!message || message.kind !== 'text' || message.author.kind !== 'visitor') return;
  if (shouldNotify(message.conversation_id, focused, document.hidden)) {
    const id = message.conversation_id;
    notify(message.author.name || 'New message', message.body, id, () => navigate(`/inbox/open/${id}`));
  }
}

/** Shows the number of unread messages across the loaded inbox lists in the tab title. */
function useUnreadTitle(websiteId: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const update = () => {
      const unread = new Map<string, number>();
      for (const [, data] of queryClient.getQueriesData<InfiniteData<InboxPage>>({ queryKey: keys.inbox(websiteId) })) {
        for (const page of data?.pages ?? []) {
          for (const item of page.items) unread.set(item.id, item.unread_count);
        }
      }
      const total = [...unread.values()].reduce((a, b) => a + b, 0);
      const title = total > 0 ? `(${total}) Zendo` : 'Zendo';
      if (document.title !== title) document.title = title;
    };
    update();
    const off = queryClient.getQueryCache().subscribe(update);
    return () => {
      off();
      document.title = 'Zendo';
    };
  }, [queryClient, websiteId]);
}
