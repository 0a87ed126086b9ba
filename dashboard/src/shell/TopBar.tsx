import { Link, navigate, useRoute } from '../router';
import { useSession } from '../session/session';
import { AgentMenu } from './AgentMenu';
import { ConnectionIndicator } from './ConnectionIndicator';

const NAV: { to: string; label: string; permission?: string }[] = [
  { to: '/inbox', label: 'Inbox' },
  { to: '/stats', label: 'Stats', permission: 'VIEW_AGENT_STATS' },
  { to: '/settings', label: 'Settings' },
  { to: '/status', label: 'Platform status' },
];

/** The top bar: brand, website switcher, main navigation, connection, the agent's menu. */
export function TopBar() {
  const session = useSession();
  const { path } = useRoute();
  return (
    <header className="topbar">
      <span className="topbar__brand">Zendo</span>
      {session.websites.length > 1 ? (
        <label className="topbar__site">
          <span className="visually-hidden">Website</span>
          <select value={session.website?.id} onChange={(e) => {
              session.selectWebsite(e.target.value);
              navigate('/inbox');
            }}>
            {session.websites.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <span className="topbar__site">{session.website?.name}</span>
      )}
      <Link to="/websites/new" className="topbar__add" aria-label="Add a website">
        +
      </Link>
      <nav aria-label="Main" className="topbar__nav">
        {NAV.filter((item) => !item.permission || session.can(item.permission)).map((item) => (
          <Link
            key={item.to}
            to={item.to}
            className="topbar__link"
            aria-current={path === item.to || path.startsWith(`${item.to}/`) ? 'page' : undefined}
          >
            {item.label}
          </Link>
        ))}
      </nav>
      <span className="topbar__spacer" />
      <ConnectionIndicator />
      <AgentMenu />
    </header>
  );
}
