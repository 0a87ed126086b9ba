import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../api/client';
import type { ConversationDetails } from '../inbox/types';
import { keys } from '../realtime/liveCache';

/** The conversation endpoints that answer the updated conversation. */
export type ConversationAction =
  | { kind: 'assign'; agentId?: string; groupId?: string }
  | { kind: 'resolve' }
  | { kind: 'close' }
  | { kind: 'reopen' }
  | { kind: 'tags'; tagIds: string[] };

function request(action: ConversationAction): { path: string; method: string; body?: unknown } {
  switch (action.kind) {
    case 'assign':
      return { path: 'assign', method: 'POST', body: action.agentId ? { agent_id: action.agentId } : { group_id: action.groupId } };
    case 'tags':
      return { path: 'tags', method: 'PUT', body: { tag_ids: action.tagIds } };
    case 'reopen':
      return { path: 'reopen', method: 'POST' };
    default:
      return { path: action.kind, method: 'POST', body: {} };
  }
}

/** Runs an action on a conversation and puts the answer in the cache; lists and counts refetch. */
export function useConversationAction(websiteId: string, conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: ConversationAction) => {
      const { path, method, body } = request(action);
      return apiFetch<ConversationDetails>(`/v1/inbox/${websiteId}/conversations/${conversationId}/${path}`, {
        method,
        body,
      });
    },
    onSuccess: (details) => {
      queryClient.setQueryData(keys.conversation(websiteId, conversationId), details);
      void queryClient.invalidateQueries({ queryKey: keys.inbox(websiteId) });
      void queryClient.invalidateQueries({ queryKey: keys.counts(websiteId) });
    },
  });
}
