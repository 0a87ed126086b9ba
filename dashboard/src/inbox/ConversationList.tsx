import { useEffect, type MutableRefObject } from 'react';
import { ErrorPanel } from '../ui/ErrorPanel';
import { shortTime } from '../ui/format';
import { Link } from '../router';
import { useSession } from '../session/session';
import { useInbox } from './queries';
import { inboxHref, type InboxRoute } from './route';
import type { InboxItem } from './types';
import { TagChips } from './TagChips';

/** The conversations of the current list, newest activity first, each with its preview and unread badge. */
export function ConversationList(props: { route: InboxRoute; itemsRef: MutableRefObject<InboxItem[]> }) {
  const { route } = props;
  const websiteId = useSession().website!.id;
  const inbox = useInbox(websiteId, route.view, route.filters);
  const items = inbox.data?.pages.flatMap((p) => p.items) ?? [];
  const { itemsRef } = props;
  useEffect(() => {
    itemsRef.current = items;
  });

  if (inbox.isError && !inbox.data) return <ErrorPanel error={inbox.error} retry={() => void inbox.refetch()} />;
  if (inbox.isPending) return <p className="muted pad">Loading…</p>;
  if (items.length === 0) return <p className="muted pad">No conversations here.</p>;
  return (
    <>
      <ul className="convlist" aria-label="Conversations" data-testid="conversation-list">
        {items.map((item) => (
          <li key={item.id}>
            <Link
              to={inboxHref(route, { conversationId: item.id })}
              className={`convlist__item${item.unread_count > 0 ? ' convlist__item--unread' : ''}`}
              aria-current={route.conversationId === item.id ? 'true' : undefined}
              data-testid="conversation-item"
              data-conversation-id={item.id}
            >
              <span className="convlist__top">
                <span className="convlist__name">{item.visitor.name || item.visitor.label}</span>
                <time className="convlist__time" dateTime={item.last_message_at}>
                  {shortTime(item.last_message_at)}
                </time>
              </span>
              <span className="convlist__bottom">
                <span className="convlist__preview">{item.last_message_preview ?? ''}</span>
                {item.unread_count > 0 && (
                  <span className="badge" aria-label={`${item.unread_count} unread`} data-testid="unread-badge">
                    {item.unread_count}
                  </span>
                )}
              </span>
              {item.tags.length > 0 && <TagChips tags={item.tags} />}
            </Link>
          </li>
        ))}
      </ul>
      {inbox.hasNextPage && (
        <button
          type="button"
          className="button button--quiet pad"
          onClick={() => void inbox.fetchNextPage()}
          disabled={inbox.isFetchingNextPage}
        >
          Load more
        </button>
      )}
    </>
  );
}
