// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/api/client';
import { CannedResponsesPanel } from '../../src/settings/canned/CannedResponsesPanel';
import { api, render, session, submit, type, website, type Rendered } from './render';

vi.mock('../../src/api/client', async (original) => ({ ...(await original<object>()), apiFetch: vi.fn() }));

let view: Rendered;

const response = { id: 'c1', shortcut: 'hello', text: 'Hello <b>!</b>', created_by: 'a', created_at: '2026-11-30T10:00:00Z', updated_at: '2026-11-30T10:00:00Z' };

describe('CannedResponsesPanel', () => {
  it('adds a canned response', async () => {
    api.mockResolvedValue([]);
    const site = website();
    view = await render(<CannedResponsesPanel websiteId={site.id} />, session(site));
    await type(view.container.querySelector('#canned-new-shortcut'), 'thanks');
    await type(view.container.querySelector('#canned-new-text'), 'Thank you!');
    await submit(view.container.querySelector('form[aria-label="New canned response"]'));

    expect(api).toHaveBeenCalledWith(`/v1/websites/${site.id}/canned-responses`, { method: 'POST', body: { shortcut: 'thanks', text: 'Thank you!' } });
  });

  it.each([
    ['has space', 'Hi', 'must be 1 to 50 letters, digits, - or _'],
    ['ok', '   ', 'must not be blank'],
  ])('refuses shortcut %j with text %j', async (shortcut, text, message) => {
    api.mockResolvedValue([]);
    const site = website();
    view = await render(<CannedResponsesPanel websiteId={site.id} />, session(site));
    await type(view.container.querySelector('#canned-new-shortcut'), shortcut);
    await type(view.container.querySelector('#canned-new-text'), text);
    await submit(view.container.querySelector('form[aria-label="New canned response"]'));

    expect(api).toHaveBeenCalledTimes(1);
    expect(view.container.textContent).toContain(message);
  });

  it('shows a taken shortcut as the API explains it', async () => {
    api.mockImplementation(async (_path: string, options?: { method?: string }) => {
      if (options?.method === 'POST') throw new ApiError(409, 'shortcut_taken', 'Another canned response has this shortcut.');
      return [];
    });
    const site = website();
    view = await render(<CannedResponsesPanel websiteId={site.id} />, session(site));
    await type(view.container.querySelector('#canned-new-shortcut'), 'hello');
    await type(view.container.querySelector('#canned-new-text'), 'Hi');
    await submit(view.container.querySelector('form[aria-label="New canned response"]'));

    expect(view.container.querySelector('[role="alert"]')?.textContent).toBe('Another canned response has this shortcut.');
  });

  it('shows responses as text to an agent, without editing', async () => {
    api.mockResolvedValue([response]);
    const site = website({ role: 'AGENT' });
    view = await render(<CannedResponsesPanel websiteId={site.id} />, session(site));

    expect(view.container.textContent).toContain('Hello <b>!</b>');
    expect(view.container.querySelector('li b')).toBeNull();
    expect(view.container.querySelector('form')).toBeNull();
  });
});
