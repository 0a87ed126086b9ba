import { useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { apiFetch } from '../api/client';
import type { ConversationDetails, InboxPage } from '../inbox/types';
import { keys } from '../realtime/liveCache';
import { useRealtime } from '../realtime/RealtimeProvider';

function subscribeVisibility(listener: () => void): () => void {
  document.addEventListener('visibilitychange', listener);
  return () => document.removeEventListener('visibilitychange', listener);
}

/** Whether the tab is visible. */
export function useDocumentVisible(): boolean {
  return useSyncExternalStore(subscribeVisibility, () => document.visibilityState === 'visible');
}

/**
 * Marks the conversation read up to its latest message while it is on screen and the tab visible: a `read` frame
 * when the socket is up, else the REST endpoint; the unread badges clear at once.
 */
export function useReadState(websiteId: string, conversationId: string, latestSeq: number, unread: number): void {
  const realtime = useRealtime();
  const queryClient = useQueryClient();
  const visible = useDocumentVisible();
  const readUpTo = useRef(0);

  useEffect(() => {
    if (!visible || latestSeq <= 0 || latestSeq <= readUpTo.current) return;
    if (readUpTo.current === 0 && unread === 0) {
      readUpTo.current = latestSeq;
      return;
    }
    readUpTo.current = latestSeq;
    const frame = { type: 'read', conversation_id: conversationId, seq: latestSeq, website_id: websiteId };
    if (!realtime.send(frame)) {
      void apiFetch(`/v1/inbox/${websiteId}/conversations/${conversationId}/read`, { body: { seq: latestSeq } }).catch(
        () => {
          readUpTo.current = 0;
        },
      );
    }
    queryClient.setQueryData<ConversationDetails>(keys.conversation(websiteId, conversationId), (d) =>
      d ? { ...d, unread_count: 0 } : d,
    );
    queryClient.setQueriesData<InfiniteData<InboxPage>>({ queryKey: keys.inbox(websiteId) }, (data) =>
      data
        ? {
            ...data,
            pages: data.pages.map((p) => ({
              ...p,
              items: p.items.map((i) => (i.id === conversationId ? { ...i, unread_count: 0 } : i)),
            })),
          }
        : data,
    );
  }, [visible, latestSeq, unread, conversationId, websiteId, realtime, queryClient]);
}
