// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/api/client';
import type { MemberView } from '../../src/settings/api';
import { TeamPanel } from '../../src/settings/team/TeamPanel';
import { api, button, click, render, session, settle, submit, type, website, type Rendered } from './render';

vi.mock('../../src/api/client', async (original) => ({ ...(await original<object>()), apiFetch: vi.fn() }));

let view: Rendered;

const member = (agentId: string, role: MemberView['role']): MemberView => ({
  agent_id: agentId,
  email: `${agentId}@acme.test`,
  name: agentId,
  role,
  max_concurrent_chats: 5,
  accepting_chats: true,
  joined_at: '2026-11-30T10:00:00Z',
});

function teamApi(members: MemberView[], invite?: (body: unknown) => unknown) {
  api.mockImplementation(async (path: string, options?: { method?: string; body?: unknown }) => {
    if (path.endsWith('/members')) return members;
    if (path.endsWith('/invitations') && options?.method === 'POST') return invite!(options.body);
    if (path.endsWith('/invitations')) return [];
    if (options?.method === 'DELETE') throw new ApiError(409, 'last_owner', 'A website keeps at least one owner.');
    return undefined;
  });
}

const rowOf = (name: string) =>
  [...view.container.querySelectorAll('[data-testid="members"] tbody tr')].find((row) => row.textContent?.includes(name))!;

describe('TeamPanel', () => {
  it('invites an email and shows the invitation link once', async () => {
    teamApi([member('agent-self', 'owner')], () => ({
      id: 'i1',
      email: 'new@acme.test',
      role: 'supervisor',
      invited_by: 'agent-self',
      created_at: '2026-11-30T10:00:00Z',
      expires_at: '2026-12-07T10:00:00Z',
      token: 'inv_token123',
    }));
    const site = website();
    view = await render(<TeamPanel websiteId={site.id} />, session(site));
    await type(view.container.querySelector('#invite-email'), 'new@acme.test');
    await type(view.container.querySelector('#invite-role'), 'supervisor');
    await submit(view.container.querySelector('form[aria-label="Invite a teammate"]'));

    expect(api).toHaveBeenCalledWith(`/v1/websites/${site.id}/invitations`, {
      method: 'POST',
      body: { email: 'new@acme.test', role: 'supervisor' },
    });
    expect(view.container.querySelector('[data-testid="one-time-secret"]')?.textContent).toBe(
      `${window.location.origin}/invitations/accept#token=inv_token123`,
    );
    await click(button(view.container, 'I have stored it'));
    expect(view.container.textContent).not.toContain('inv_token123');
  });

  it.each(['not-an-email', 'a@b', 'two@@acme.test', ''])('refuses to invite %j', async (email) => {
    teamApi([member('agent-self', 'owner')]);
    const site = website();
    view = await render(<TeamPanel websiteId={site.id} />, session(site));
    await type(view.container.querySelector('#invite-email'), email);
    await submit(view.container.querySelector('form[aria-label="Invite a teammate"]'));

    expect(api).not.toHaveBeenCalledWith(expect.stringMatching(/invitations$/), expect.objectContaining({ method: 'POST' }));
    expect(view.container.textContent).toContain('must be an email address');
  });

  it('lets an admin manage members but neither owners nor owner invitations', async () => {
    teamApi([member('boss', 'owner'), member('agent-self', 'admin'), member('helper', 'agent')]);
    const site = website({ role: 'ADMIN' });
    view = await render(<TeamPanel websiteId={site.id} />, session(site));

    const roles = [...view.container.querySelectorAll<HTMLOptionElement>('#invite-role option')].map((option) => option.value);
    expect(roles).toEqual(['admin', 'supervisor', 'agent', 'viewer']);
    expect(rowOf('boss').querySelector('select')).toBeNull();
    expect(rowOf('boss').textContent).not.toContain('Remove');
    expect(rowOf('helper').querySelector('select')).not.toBeNull();
    expect(rowOf('agent-self').textContent).toContain('Leave');

    await type(rowOf('helper').querySelector('select'), 'supervisor');
    expect(api).toHaveBeenCalledWith(`/v1/websites/${site.id}/members/helper`, { method: 'PATCH', body: { role: 'supervisor' } });
  });

  it.each([
    ['7', { max_concurrent_chats: 7 }],
    ['101', null],
    ['-1', null],
    ['', null],
  ])('saves a maximum of %j chats only when it is 0 to 100', async (value, body) => {
    teamApi([member('agent-self', 'owner'), member('helper', 'agent')]);
    const site = website();
    view = await render(<TeamPanel websiteId={site.id} />, session(site));
    const input = rowOf('helper').querySelector<HTMLInputElement>('input[type="number"]')!;
    await type(input, value);
    await act(async () => input.dispatchEvent(new FocusEvent('focusout', { bubbles: true })));
    await settle();

    const patches = api.mock.calls.filter(([, options]) => (options as { method?: string } | undefined)?.method === 'PATCH');
    if (body) expect(patches).toEqual([[`/v1/websites/${site.id}/members/helper`, { method: 'PATCH', body }]]);
    else {
      expect(patches).toEqual([]);
      expect(input.getAttribute('aria-invalid')).toBe('true');
    }
  });

  it('shows the last-owner refusal', async () => {
    teamApi([member('agent-self', 'owner')]);
    const site = website();
    view = await render(<TeamPanel websiteId={site.id} />, session(site));
    await click(button(view.container, 'Leave'));
    expect(api).not.toHaveBeenCalledWith(expect.anything(), { method: 'DELETE' });
    await click(button(view.container, 'Leave this website'));

    expect(view.container.querySelector('[role="alert"]')?.textContent).toBe('A website keeps at least one owner.');
  });

  it('lets an agent only switch their own availability', async () => {
    teamApi([member('boss', 'owner'), member('agent-self', 'agent')]);
    const site = website({ role: 'AGENT' });
    view = await render(<TeamPanel websiteId={site.id} />, session(site));

    expect(view.container.querySelector('#invite-email')).toBeNull();
    expect(api).not.toHaveBeenCalledWith(expect.stringMatching(/invitations$/));
    expect(view.container.querySelectorAll('[data-testid="members"] select')).toHaveLength(0);
    expect(rowOf('boss').querySelector<HTMLInputElement>('input[type="checkbox"]')?.disabled).toBe(true);
    const own = rowOf('agent-self').querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    expect(own.disabled).toBe(false);

    await click(own);
    expect(api).toHaveBeenCalledWith(`/v1/websites/${site.id}/members/agent-self`, { method: 'PATCH', body: { accepting_chats: false } });
  });
});
