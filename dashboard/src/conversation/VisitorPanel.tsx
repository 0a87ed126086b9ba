import { Link } from '../router';
import { useSession } from '../session/session';
import type { ConversationDetails } from '../inbox/types';
import { useVisitor } from '../inbox/queries';
import { ErrorPanel } from '../ui/ErrorPanel';
import { browserOf, fullTime, shortTime } from '../ui/format';

function attributeText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Who the visitor is: details, attributes, pages visited, browser, past threads and their ratings. */
export function VisitorPanel(props: { conversation: ConversationDetails }) {
  const session = useSession();
  const websiteId = session.website!.id;
  const visitor = useVisitor(websiteId, props.conversation.visitor.id, session.can('VIEW_VISITORS'));
  const rating = props.conversation.thread?.rating;
  if (visitor.isError) return <aside className="visitor"><ErrorPanel error={visitor.error} retry={() => void visitor.refetch()} /></aside>;
  const v = visitor.data;
  return (
    <aside className="visitor" aria-label="Visitor" data-testid="visitor-panel">
      <h2 className="visitor__name" data-testid="visitor-name">
        {v?.name || props.conversation.visitor.name || props.conversation.visitor.label}
      </h2>
      {v && (
        <>
          <dl className="facts">
            {v.email && (
              <>
                <dt>Email</dt>
                <dd>{v.email}</dd>
              </>
            )}
            {v.phone && (
              <>
                <dt>Phone</dt>
                <dd>{v.phone}</dd>
              </>
            )}
            <dt>Verified</dt>
            <dd>{v.verified ? `Yes${v.user_id ? ` (${v.user_id})` : ''}` : 'No'}</dd>
            <dt>Browser</dt>
            <dd>{browserOf(v.user_agent)}</dd>
            {v.locale && (
              <>
                <dt>Language</dt>
                <dd>{v.locale}</dd>
              </>
            )}
            <dt>Last seen</dt>
            <dd>{fullTime(v.last_seen_at)}</dd>
            {typeof rating === 'number' && (
              <>
                <dt>Rating</dt>
                <dd data-testid="thread-rating">{'★'.repeat(rating) + '☆'.repeat(Math.max(0, 5 - rating))}</dd>
              </>
            )}
          </dl>
          {v.attributes && Object.keys(v.attributes).length > 0 && (
            <section>
              <h3>Attributes</h3>
              <dl className="facts" data-testid="visitor-attributes">
                {Object.entries(v.attributes).map(([key, value]) => (
                  <div key={key} className="facts__row">
                    <dt>{key}</dt>
                    <dd>{attributeText(value)}</dd>
                  </div>
                ))}
              </dl>
            </section>
          )}
          <section>
            <h3>Pages visited</h3>
            {v.page_views.length === 0 ? (
              <p className="muted">None recorded.</p>
            ) : (
              <ol className="pages">
                {v.page_views.map((p, i) => (
                  <li key={`${p.viewed_at}-${i}`}>
                    <span className="pages__title">{p.title || p.url}</span>
                    <span className="pages__meta">
                      {p.url} · {shortTime(p.viewed_at)}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </section>
          <section>
            <h3>Past threads</h3>
            {v.threads.length === 0 ? (
              <p className="muted">None.</p>
            ) : (
              <ul className="threads">
                {v.threads.map((t) => (
                  <li key={t.id}>
                    <Link to={`/inbox/open/${t.conversation_id}`}>{shortTime(t.opened_at)}</Link> · {t.status}
                    {t.agent_name ? ` · ${t.agent_name}` : ''}
                    {typeof t.rating === 'number' && <> · {'★'.repeat(t.rating)}</>}
                    {t.rating_comment && <q className="threads__comment">{t.rating_comment}</q>}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </aside>
  );
}
