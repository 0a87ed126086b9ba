import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../api/client';
import type { CannedResponse, Group, Member } from '../api/types';
import { keys, type MessageList } from '../realtime/liveCache';
import type {
  ConversationDetails,
  HistoryPage,
  InboxCounts,
  InboxPage,
  InboxView,
  SearchResults,
  TagView,
  VisitorProfile,
} from './types';

/** The inbox filters (each optional), as the list and counts endpoints take them. */
export interface InboxFilters {
  group?: string;
  tag?: string;
  agent?: string;
}

function filterParams(filters: InboxFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.group) params.set('group_id', filters.group);
  if (filters.tag) params.set('tag_id', filters.tag);
  if (filters.agent) params.set('agent_id', filters.agent);
  return params;
}

export function useInbox(websiteId: string, view: InboxView, filters: InboxFilters) {
  return useInfiniteQuery({
    queryKey: [...keys.inbox(websiteId), view, filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = filterParams(filters);
      params.set('view', view);
      params.set('limit', '50');
      if (pageParam) params.set('cursor', pageParam);
      return apiFetch<InboxPage>(`/v1/inbox/${websiteId}/conversations?${params}`, { signal });
    },
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

export function useCounts(websiteId: string, filters: InboxFilters) {
  return useQuery({
    queryKey: [...keys.counts(websiteId), filters],
    queryFn: ({ signal }) => {
      const params = filterParams(filters);
      return apiFetch<InboxCounts>(`/v1/inbox/${websiteId}/conversations/counts?${params}`, { signal });
    },
  });
}

export function useConversation(websiteId: string, conversationId: string) {
  return useQuery({
    queryKey: keys.conversation(websiteId, conversationId),
    queryFn: ({ signal }) =>
      apiFetch<ConversationDetails>(`/v1/inbox/${websiteId}/conversations/${conversationId}`, { signal }),
  });
}

/** The latest messages of a conversation (older ones are added by `loadEarlier`). */
export function useMessages(websiteId: string, conversationId: string) {
  return useQuery({
    queryKey: keys.messages(websiteId, conversationId),
    queryFn: async ({ signal }): Promise<MessageList> => {
      const page = await apiFetch<HistoryPage>(
        `/v1/inbox/${websiteId}/conversations/${conversationId}/messages?limit=100`,
        { signal },
      );
      return { messages: page.messages, hasMore: page.has_more };
    },
    staleTime: Infinity,
  });
}

/** The messages before `beforeSeq`. */
export function fetchEarlier(websiteId: string, conversationId: string, beforeSeq: number): Promise<HistoryPage> {
  return apiFetch<HistoryPage>(
    `/v1/inbox/${websiteId}/conversations/${conversationId}/messages?before=${beforeSeq}&limit=100`,
  );
}

export function useVisitor(websiteId: string, visitorId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: keys.visitor(websiteId, visitorId ?? ''),
    queryFn: ({ signal }) => apiFetch<VisitorProfile>(`/v1/inbox/${websiteId}/visitors/${visitorId}`, { signal }),
    enabled: enabled && !!visitorId,
  });
}

export function useTags(websiteId: string) {
  return useQuery({
    queryKey: keys.tags(websiteId),
    queryFn: ({ signal }) => apiFetch<TagView[]>(`/v1/inbox/${websiteId}/tags`, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useMembers(websiteId: string) {
  return useQuery({
    queryKey: keys.members(websiteId),
    queryFn: ({ signal }) => apiFetch<Member[]>(`/v1/websites/${websiteId}/members`, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useGroups(websiteId: string) {
  return useQuery({
    queryKey: keys.groups(websiteId),
    queryFn: ({ signal }) => apiFetch<Group[]>(`/v1/websites/${websiteId}/groups`, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useSearch(websiteId: string, q: string) {
  return useQuery({
    queryKey: keys.search(websiteId, q),
    queryFn: ({ signal }) =>
      apiFetch<SearchResults>(`/v1/inbox/${websiteId}/search?${new URLSearchParams({ q, limit: '50' })}`, { signal }),
    enabled: q.trim().length > 0,
  });
}

export function useCannedResponses(websiteId: string, prefix: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.canned(websiteId, prefix.toLowerCase()),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ limit: '20' });
      if (prefix) params.set('prefix', prefix);
      return apiFetch<CannedResponse[]>(`/v1/websites/${websiteId}/canned-responses?${params}`, { signal });
    },
    enabled,
    staleTime: 60_000,
  });
}
