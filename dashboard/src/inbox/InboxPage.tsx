import { useEffect, useRef, useState } from 'react';
import { ConversationPane, type PaneActions } from '../conversation/ConversationPane';
import { navigate, useRoute } from '../router';
import { ConversationList } from './ConversationList';
import { InboxSidebar } from './InboxSidebar';
import { inboxHref, parseInboxRoute } from './route';
import { SearchHits } from './SearchHits';
import { shortcutOf, step } from './shortcuts';
import type { InboxItem } from './types';

/** The inbox: lists and filters, the list or search results, and the open conversation. */
export function InboxPage() {
  const { path, query } = useRoute();
  const route = parseInboxRoute(path, query);
  const items = useRef<InboxItem[]>([]);
  const actions = useRef<PaneActions | null>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState(route.q);

  useEffect(() => setQ(route.q), [route.q]);

  const routeRef = useRef(route);
  routeRef.current = route;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutOf(event);
      if (!action) return;
      const current = routeRef.current;
      event.preventDefault();
      if (action === 'next' || action === 'previous') {
        const next = step(
          items.current.map((i) => i.id),
          current.conversationId,
          action === 'next' ? 1 : -1,
        );
        if (next && next !== current.conversationId) navigate(inboxHref(current, { conversationId: next }));
      } else if (action === 'assign') {
        actions.current?.assignToMe();
      } else if (action === 'close') {
        actions.current?.close();
      } else {
        searchBox.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="inbox">
      <InboxSidebar route={route} />
      <section className="inbox__list" aria-label="Conversations">
        <form
          role="search"
          className="search"
          onSubmit={(e) => {
            e.preventDefault();
            navigate(inboxHref(route, { q: q.trim() }));
          }}
        >
          <label className="visually-hidden" htmlFor="inbox-search">
            Search messages and visitors
          </label>
          <input
            id="inbox-search"
            ref={searchBox}
            type="search"
            placeholder="Search (press /)"
            value={q}
            maxLength={200}
            onChange={(e) => {
              setQ(e.target.value);
              if (!e.target.value) navigate(inboxHref(route, { q: '' }));
            }}
            data-testid="search"
          />
        </form>
        {route.q ? <SearchHits route={route} /> : <ConversationList route={route} itemsRef={items} />}
      </section>
      <section className="inbox__conversation" aria-label="Conversation">
        {route.conversationId ? (
          <ConversationPane key={route.conversationId} conversationId={route.conversationId} actionsRef={actions} />
        ) : (
          <div className="empty">
            <p>Pick a conversation.</p>
            <p className="muted">
              Shortcuts: <kbd>j</kbd>/<kbd>k</kbd> (or <kbd>Alt</kbd>+<kbd>↓</kbd>/<kbd>↑</kbd>) next and previous,{' '}
              <kbd>a</kbd> assign to me, <kbd>c</kbd> close, <kbd>/</kbd> search.
            </p>
          </div>
        )}
      </section>
    </div>
  );
}
