import { Link } from '../router';
import { useSession } from '../session/session';
import { ErrorPanel } from '../ui/ErrorPanel';
import { shortTime } from '../ui/format';
import { Highlighted } from '../ui/Highlighted';
import { useSearch } from './queries';
import { inboxHref, type InboxRoute } from './route';

/** Full-text search results: messages with their highlighted snippet, and visitors. */
export function SearchHits(props: { route: InboxRoute }) {
  const { route } = props;
  const websiteId = useSession().website!.id;
  const search = useSearch(websiteId, route.q);
  if (search.isError) return <ErrorPanel error={search.error} retry={() => void search.refetch()} />;
  if (search.isPending) return <p className="muted pad">Searching…</p>;
  if (search.data.items.length === 0) return <p className="muted pad">Nothing matches “{route.q}”.</p>;
  return (
    <ul className="convlist" aria-label="Search results" data-testid="search-results">
      {search.data.items.map((hit, i) => {
        const label = hit.visitor.name || hit.visitor.label;
        const content = (
          <>
            <span className="convlist__top">
              <span className="convlist__name">{label}</span>
              {hit.message && (
                <time className="convlist__time" dateTime={hit.message.created_at}>
                  {shortTime(hit.message.created_at)}
                </time>
              )}
            </span>
            <span className="convlist__snippet">
              {hit.message ? (
                <>
                  {hit.message.kind === 'note' && <span className="tag-note">Note · </span>}
                  <Highlighted text={hit.message.snippet} highlights={hit.message.highlights} />
                </>
              ) : (
                <span className="muted">Visitor{hit.visitor.email ? ` · ${hit.visitor.email}` : ''}</span>
              )}
            </span>
          </>
        );
        return (
          <li key={`${hit.type}-${hit.message?.id ?? hit.visitor.id}-${i}`}>
            {hit.conversation_id ? (
              <Link
                to={inboxHref(route, { view: 'open', conversationId: hit.conversation_id })}
                className="convlist__item"
                data-testid="search-hit"
              >
                {content}
              </Link>
            ) : (
              <div className="convlist__item" data-testid="search-hit">
                {content}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
