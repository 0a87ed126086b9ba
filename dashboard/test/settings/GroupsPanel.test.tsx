// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { GroupView, MemberView } from '../../src/settings/api';
import { GroupsPanel } from '../../src/settings/groups/GroupsPanel';
import { api, button, click, render, session, submit, type, website, type Rendered } from './render';

vi.mock('../../src/api/client', async (original) => ({ ...(await original<object>()), apiFetch: vi.fn() }));

let view: Rendered;

const group = (id: string, name: string, isDefault: boolean, members: string[]): GroupView => ({
  id,
  name,
  routing: 'round_robin',
  is_default: isDefault,
  member_agent_ids: members,
  created_at: '2026-11-30T10:00:00Z',
  updated_at: '2026-11-30T10:00:00Z',
});
const member = (agentId: string): MemberView => ({
  agent_id: agentId,
  email: `${agentId}@acme.test`,
  name: agentId,
  role: 'agent',
  max_concurrent_chats: 5,
  accepting_chats: true,
  joined_at: '2026-11-30T10:00:00Z',
});

function groupsApi() {
  api.mockImplementation(async (path: string, options?: { method?: string }) => {
    if (path.endsWith('/members')) return [member('ann'), member('bob')];
    if (path.endsWith('/groups') && !options?.method) return [group('g1', 'General', true, ['ann']), group('g2', 'Sales', false, [])];
    return {};
  });
}

describe('GroupsPanel', () => {
  it('creates a group with its routing', async () => {
    groupsApi();
    const site = website({ role: 'SUPERVISOR' });
    view = await render(<GroupsPanel websiteId={site.id} />, session(site));
    await type(view.container.querySelector('#group-name'), 'Billing');
    await type(view.container.querySelector('#group-routing'), 'least_loaded');
    await submit(view.container.querySelector('form[aria-label="New group"]'));

    expect(api).toHaveBeenCalledWith(`/v1/websites/${site.id}/groups`, { method: 'POST', body: { name: 'Billing', routing: 'least_loaded' } });
  });

  it('refuses a blank name', async () => {
    groupsApi();
    const site = website();
    view = await render(<GroupsPanel websiteId={site.id} />, session(site));
    await submit(view.container.querySelector('form[aria-label="New group"]'));

    expect(view.container.textContent).toContain('must not be blank');
    expect(api).not.toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ method: 'POST' }));
  });

  it('changes routing, the default group and membership', async () => {
    groupsApi();
    const site = website();
    view = await render(<GroupsPanel websiteId={site.id} />, session(site));
    const sales = view.container.querySelector('section[aria-label="Group Sales"]')!;
    await type(sales.querySelector('#group-g2-routing'), 'sticky');
    await click(button(sales, 'Make default'));
    await click(sales.querySelector('input[type="checkbox"]'));

    expect(api).toHaveBeenCalledWith(`/v1/websites/${site.id}/groups/g2`, { method: 'PATCH', body: { routing: 'sticky' } });
    expect(api).toHaveBeenCalledWith(`/v1/websites/${site.id}/groups/g2`, { method: 'PATCH', body: { is_default: true } });
    expect(api).toHaveBeenCalledWith(`/v1/websites/${site.id}/groups/g2/members/ann`, { method: 'PUT' });
    expect(view.container.querySelector('section[aria-label="Group General"]')?.textContent).not.toContain('Delete');
  });

  it.each(['AGENT', 'VIEWER'] as const)('only shows groups to a %s', async (role) => {
    groupsApi();
    const site = website({ role });
    view = await render(<GroupsPanel websiteId={site.id} />, session(site));

    expect(view.container.querySelector('form')).toBeNull();
    expect([...view.container.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')].every((field) => field.disabled)).toBe(true);
  });
});
