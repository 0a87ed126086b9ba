// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { navigate } from '../../src/router';
import { SettingsPage } from '../../src/settings/SettingsPage';
import { api, render, session, website, type Rendered } from './render';

vi.mock('../../src/api/client', async (original) => ({ ...(await original<object>()), apiFetch: vi.fn() }));
vi.mock('../../src/realtime/RealtimeProvider', () => import('../realtimeStub'));

let view: Rendered;

const tabs = () => [...view.container.querySelectorAll('nav[aria-label="Settings"] a')].map((link) => link.textContent);
const current = () => view.container.querySelector('nav[aria-label="Settings"] a[aria-current="page"]')?.textContent;

describe('SettingsPage', () => {
  it.each([
    ['OWNER', ['Website', 'Widget', 'Keys', 'Identity verification', 'Team', 'Groups & routing', 'Canned responses', 'Tags', 'My notifications', 'Notification log', 'Webhooks']],
    ['ADMIN', ['Website', 'Widget', 'Keys', 'Identity verification', 'Team', 'Groups & routing', 'Canned responses', 'Tags', 'My notifications', 'Notification log', 'Webhooks']],
    ['SUPERVISOR', ['Website', 'Widget', 'Team', 'Groups & routing', 'Canned responses', 'Tags', 'My notifications']],
    ['AGENT', ['Website', 'Widget', 'Team', 'Groups & routing', 'Canned responses', 'Tags', 'My notifications']],
    ['VIEWER', ['Website', 'Widget', 'Team', 'Groups & routing', 'Canned responses', 'Tags', 'My notifications']],
  ] as const)('shows a %s the tabs their role allows', async (role, expected) => {
    api.mockResolvedValue([]);
    navigate('/settings');
    const site = website({ role });
    view = await render(<SettingsPage />, session(site));

    expect(tabs()).toEqual(expected);
    expect(current()).toBe('Website');
  });

  it('opens the tab the path names', async () => {
    api.mockResolvedValue([]);
    navigate('/settings/tags');
    const site = website();
    view = await render(<SettingsPage />, session(site));

    expect(current()).toBe('Tags');
    expect(view.container.querySelector('h2')?.textContent).toBe('Tags');
  });

  it.each(['notification-log', 'webhooks'])('keeps /settings/%s from an agent without calling its API', async (tab) => {
    api.mockResolvedValue([]);
    navigate(`/settings/${tab}`);
    const site = website({ role: 'AGENT' });
    view = await render(<SettingsPage />, session(site));

    expect(view.container.textContent).toContain('not available to your role');
    expect(api).not.toHaveBeenCalledWith(expect.stringMatching(/\/(notifications|webhooks)/));
  });

  it('says so when the path names a tab the role may not open', async () => {
    api.mockResolvedValue([]);
    navigate('/settings/keys');
    const site = website({ role: 'AGENT' });
    view = await render(<SettingsPage />, session(site));

    expect(view.container.textContent).toContain('not available to your role');
    expect(api).not.toHaveBeenCalledWith(expect.stringMatching(/\/keys$/));
  });
});
