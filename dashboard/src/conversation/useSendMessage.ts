import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { apiFetch } from '../api/client';
import type { MessageView } from '../inbox/types';
import { keys, mergeMessages, type MessageList } from '../realtime/liveCache';

let pendingSeq = 0;

/**
 * Posts a reply or a note: shows it at once as pending (a negative seq), then replaces it with the stored message
 * (the realtime echo is dropped by seq). A failure removes the pending message and rethrows.
 */
export function useSendMessage(websiteId: string, conversationId: string, me: string) {
  const queryClient = useQueryClient();
  return useCallback(
    async (body: string, note: boolean) => {
      const key = keys.messages(websiteId, conversationId);
      const clientMsgId = crypto.randomUUID();
      pendingSeq -= 1;
      const pending: MessageView = {
        id: clientMsgId,
        conversation_id: conversationId,
        thread_id: '',
        seq: pendingSeq,
        client_msg_id: clientMsgId,
        author: { kind: 'agent', id: me, name: null },
        kind: note ? 'note' : 'text',
        body,
        created_at: new Date().toISOString(),
      };
      const update = (change: (messages: MessageView[]) => MessageView[]) =>
        queryClient.setQueryData<MessageList>(key, (list) => (list ? { ...list, messages: change(list.messages) } : list));
      update((messages) => mergeMessages(messages, [pending]));
      try {
        const stored = await apiFetch<MessageView>(`/v1/inbox/${websiteId}/conversations/${conversationId}/messages`, {
          body: { client_msg_id: clientMsgId, body, kind: note ? 'note' : 'text' },
        });
        update((messages) => mergeMessages(messages, [stored]));
        void queryClient.invalidateQueries({ queryKey: keys.conversation(websiteId, conversationId) });
      } catch (error) {
        update((messages) => messages.filter((m) => m.client_msg_id !== clientMsgId || m.seq > 0));
        throw error;
      }
    },
    [queryClient, websiteId, conversationId, me],
  );
}
