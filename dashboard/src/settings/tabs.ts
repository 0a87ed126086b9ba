import { Permission } from './permissions';

/** One settings screen: its path segment, its label, and the permission without which it is hidden. */
export type SettingsTab = { id: string; label: string; permission?: string };

/** The settings screens in menu order; `/settings` alone opens the first one the caller may see. */
export const SETTINGS_TABS: SettingsTab[] = [
  { id: 'website', label: 'Website' },
  { id: 'widget', label: 'Widget' },
  { id: 'keys', label: 'Keys', permission: Permission.viewKeys },
  { id: 'identity-verification', label: 'Identity verification', permission: Permission.manageIdentitySecret },
  { id: 'team', label: 'Team' },
  { id: 'groups', label: 'Groups & routing' },
  { id: 'canned-responses', label: 'Canned responses' },
  { id: 'tags', label: 'Tags' },
  { id: 'notifications', label: 'My notifications' },
  { id: 'notification-log', label: 'Notification log', permission: Permission.readNotificationLog },
  { id: 'webhooks', label: 'Webhooks', permission: Permission.manageWebhooks },
];

/** The tabs `can` allows, and the one `path` (`/settings/<id>…`) names, else the first allowed. */
export function resolveTab(path: string, can: (permission: string) => boolean): { tabs: SettingsTab[]; current: SettingsTab | null; known: boolean } {
  const tabs = SETTINGS_TABS.filter((tab) => !tab.permission || can(tab.permission));
  const segment = path.replace(/^\/settings\/?/, '').split('/')[0];
  const named = tabs.find((tab) => tab.id === segment);
  return { tabs, current: named ?? tabs[0] ?? null, known: segment === '' || named !== undefined };
}
