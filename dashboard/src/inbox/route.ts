import type { InboxFilters } from './queries';
import type { InboxView } from './types';

export const VIEWS: { view: InboxView; label: string }[] = [
  { view: 'mine', label: 'Mine' },
  { view: 'queue', label: 'Queue' },
  { view: 'open', label: 'All open' },
  { view: 'closed', label: 'Closed' },
];

/** Where the inbox is: `/inbox/<view>/<conversationId>?group=&tag=&agent=&q=`. */
export interface InboxRoute {
  view: InboxView;
  conversationId: string | null;
  filters: InboxFilters;
  q: string;
}

export function parseInboxRoute(path: string, query: URLSearchParams): InboxRoute {
  const [, , view, conversationId] = path.split('/');
  const known = VIEWS.some((v) => v.view === view);
  return {
    view: known ? (view as InboxView) : 'open',
    conversationId: known && conversationId ? conversationId : null,
    filters: {
      group: query.get('group') || undefined,
      tag: query.get('tag') || undefined,
      agent: query.get('agent') || undefined,
    },
    q: query.get('q') ?? '',
  };
}

/** The URL of an inbox place; `changes` override parts of `route`. */
export function inboxHref(route: InboxRoute, changes: Partial<InboxRoute> = {}): string {
  const next = { ...route, ...changes };
  const params = new URLSearchParams();
  if (next.filters.group) params.set('group', next.filters.group);
  if (next.filters.tag) params.set('tag', next.filters.tag);
  if (next.filters.agent) params.set('agent', next.filters.agent);
  if (next.q) params.set('q', next.q);
  const query = params.toString();
  return `/inbox/${next.view}${next.conversationId ? `/${next.conversationId}` : ''}${query ? `?${query}` : ''}`;
}
