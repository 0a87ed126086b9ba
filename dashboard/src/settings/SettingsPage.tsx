import type { Website } from '../api/types';
import { Link, useRoute } from '../router';
import { useSession } from '../session/session';
import { CannedResponsesPanel } from './canned/CannedResponsesPanel';
import { GroupsPanel } from './groups/GroupsPanel';
import { IdentitySecretPanel } from './identity/IdentitySecretPanel';
import { KeysPanel } from './keys/KeysPanel';
import { NotificationLogPanel } from './notifications/NotificationLogPanel';
import { NotificationPreferencesPanel } from './notifications/NotificationPreferencesPanel';
import './settings.css';
import { resolveTab } from './tabs';
import { TagsPanel } from './tags/TagsPanel';
import { TeamPanel } from './team/TeamPanel';
import { WebhooksPanel } from './webhooks/WebhooksPanel';
import { WebsiteForm } from './website/WebsiteForm';
import { WidgetSettingsForm } from './widget/WidgetSettingsForm';

/** `/settings` and below: the current website's settings, one tab per screen, gated by the caller's role. */
export function SettingsPage() {
  const { website, can } = useSession();
  const { path } = useRoute();
  if (!website) {
    return (
      <main className="settings-page">
        <h1>Settings</h1>
        <p className="settings-muted">Choose or create a website first.</p>
      </main>
    );
  }
  const { tabs, current, known } = resolveTab(path, can);
  return (
    <main className="settings-page">
      <h1>
        Settings <span className="settings-muted">· {website.name}</span>
      </h1>
      <div className="settings-layout">
        <nav className="settings-tabs" aria-label="Settings">
          {tabs.map((tab) => (
            <Link
              key={tab.id}
              to={`/settings/${tab.id}`}
              className="settings-tabs__link"
              aria-current={tab.id === current?.id ? 'page' : undefined}
            >
              {tab.label}
            </Link>
          ))}
        </nav>
        <section className="settings-content" aria-labelledby="settings-tab-title">
          {!known && <p className="settings-muted" role="note">That settings screen is not available to your role.</p>}
          {current && (
            <>
              <h2 id="settings-tab-title">{current.label}</h2>
              <TabContent key={`${website.id}:${current.id}`} tab={current.id} website={website} />
            </>
          )}
        </section>
      </div>
    </main>
  );
}

function TabContent({ tab, website }: { tab: string; website: Website }) {
  switch (tab) {
    case 'website':
      return <WebsiteForm website={website} />;
    case 'widget':
      return <WidgetSettingsForm website={website} />;
    case 'keys':
      return <KeysPanel websiteId={website.id} />;
    case 'identity-verification':
      return <IdentitySecretPanel websiteId={website.id} />;
    case 'team':
      return <TeamPanel websiteId={website.id} />;
    case 'groups':
      return <GroupsPanel websiteId={website.id} />;
    case 'canned-responses':
      return <CannedResponsesPanel websiteId={website.id} />;
    case 'notifications':
      return <NotificationPreferencesPanel websiteId={website.id} />;
    case 'notification-log':
      return <NotificationLogPanel websiteId={website.id} />;
    case 'webhooks':
      return <WebhooksPanel websiteId={website.id} />;
    default:
      return <TagsPanel websiteId={website.id} />;
  }
}
