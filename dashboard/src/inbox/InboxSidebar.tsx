import { navigate, Link } from '../router';
import { Teammates } from '../shell/Teammates';
import { useSession } from '../session/session';
import { useCounts, useGroups, useMembers, useTags } from './queries';
import { inboxHref, VIEWS, type InboxRoute } from './route';

/** The inbox's lists with their counts, and the group, tag and agent filters. */
export function InboxSidebar(props: { route: InboxRoute }) {
  const { route } = props;
  const session = useSession();
  const websiteId = session.website!.id;
  const counts = useCounts(websiteId, route.filters);
  const groups = useGroups(websiteId);
  const tags = useTags(websiteId);
  const members = useMembers(websiteId);

  const setFilter = (name: 'group' | 'tag' | 'agent', value: string) =>
    navigate(inboxHref(route, { conversationId: null, filters: { ...route.filters, [name]: value || undefined } }));

  return (
    <aside className="inbox__side" aria-label="Conversation lists">
      <nav aria-label="Lists">
        <ul className="views">
          {VIEWS.map(({ view, label }) => {
            const count = counts.data?.[view];
            const capped = view === 'closed' && counts.data?.closed_capped;
            return (
              <li key={view}>
                <Link
                  to={inboxHref(route, { view, conversationId: null })}
                  className="views__link"
                  aria-current={route.view === view ? 'page' : undefined}
                  data-testid={`view-${view}`}
                >
                  <span>{label}</span>
                  <span className="views__count" data-testid={`count-${view}`}>
                    {count === undefined ? '' : `${count}${capped ? '+' : ''}`}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {counts.isError && <p className="form-error">Counts unavailable.</p>}
      <fieldset className="filters">
        <legend>Filters</legend>
        <label className="field">
          <span className="field__label">Group</span>
          <select value={route.filters.group ?? ''} onChange={(e) => setFilter('group', e.target.value)}>
            <option value="">Any group</option>
            {groups.data?.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Tag</span>
          <select value={route.filters.tag ?? ''} onChange={(e) => setFilter('tag', e.target.value)}>
            <option value="">Any tag</option>
            {tags.data
              ?.filter((t) => !t.deleted)
              .map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Agent</span>
          <select value={route.filters.agent ?? ''} onChange={(e) => setFilter('agent', e.target.value)}>
            <option value="">Any agent</option>
            {members.data?.map((m) => (
              <option key={m.agent_id} value={m.agent_id}>
                {m.agent_id === session.agent.id ? `${m.name} (you)` : m.name}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <Teammates />
    </aside>
  );
}
