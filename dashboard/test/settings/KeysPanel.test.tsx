// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/api/client';
import type { KeyView } from '../../src/settings/api';
import { KeysPanel } from '../../src/settings/keys/KeysPanel';
import { api, button, click, render, session, website, type Rendered } from './render';

vi.mock('../../src/api/client', async (original) => ({ ...(await original<object>()), apiFetch: vi.fn() }));

const site = website();
let view: Rendered;

const key = (overrides: Partial<KeyView>): KeyView => ({
  id: 'k1',
  kind: 'secret',
  hint: 'sk_old1',
  current: true,
  active: true,
  created_at: '2026-11-29T10:00:00Z',
  ...overrides,
});

/** The keys API: GET lists `listed`, rotate answers `rotated` and adds it (without its secret) to the list. */
function keysApi(listed: KeyView[], rotated: KeyView) {
  api.mockImplementation(async (path: string, options?: { method?: string }) => {
    if (path.endsWith('/keys') && !options?.method) return structuredClone(listed);
    if (path.endsWith('/keys/rotate')) {
      listed.forEach((existing) => (existing.current = false));
      listed.unshift({ ...rotated, secret: undefined });
      return rotated;
    }
    throw new Error(`unexpected ${path}`);
  });
}

describe('KeysPanel', () => {
  it('shows a rotated secret key once, and never again after it is dismissed', async () => {
    const secret = 'sk_new_secret_value_0123456789';
    keysApi([key({})], key({ id: 'k2', hint: 'sk_new_', secret, created_at: '2026-11-30T10:00:00Z' }));
    view = await render(<KeysPanel websiteId={site.id} />, session(site));
    expect(view.container.textContent).not.toContain(secret);

    await click(button(view.container, 'Rotate the secret key…'));
    await click(button(view.container, 'Rotate secret key'));

    expect(api).toHaveBeenCalledWith(`/v1/websites/${site.id}/keys/rotate`, { method: 'POST', body: { kind: 'secret' } });
    expect(view.container.querySelector('[data-testid="one-time-secret"]')?.textContent).toBe(secret);
    expect(view.container.textContent).toContain('shown only this once');
    expect(view.container.textContent).toContain('sk_new_…');

    await click(button(view.container, 'I have stored it'));
    expect(view.container.textContent).not.toContain(secret);
    expect(view.container.querySelector('[data-testid="one-time-secret"]')).toBeNull();
  });

  it('does not rotate until the rotation is confirmed', async () => {
    keysApi([key({})], key({ id: 'k2' }));
    view = await render(<KeysPanel websiteId={site.id} />, session(site));
    await click(button(view.container, 'Rotate the public key…'));
    await click(button(view.container, 'Cancel'));

    expect(api).toHaveBeenCalledTimes(1);
  });

  it('offers to revoke only previous keys that still work, once confirmed', async () => {
    keysApi(
      [
        key({ id: 'current' }),
        key({ id: 'previous', current: false, expires_at: '2026-12-01T10:00:00Z' }),
        key({ id: 'gone', current: false, active: false, revoked_at: '2026-11-29T12:00:00Z' }),
      ],
      key({}),
    );
    view = await render(<KeysPanel websiteId={site.id} />, session(site));
    expect(view.container.querySelectorAll('tbody tr')).toHaveLength(3);
    expect([...view.container.querySelectorAll('button')].filter((b) => b.textContent === 'Revoke now')).toHaveLength(1);

    await click(button(view.container, 'Revoke now'));
    expect(api).toHaveBeenCalledTimes(1);
    await click(button(view.container, 'Stop this key now'));
    expect(api).toHaveBeenCalledWith(`/v1/websites/${site.id}/keys/previous/revoke`, { method: 'POST' });
  });

  it('explains a refused rotation', async () => {
    api.mockImplementation(async (path: string) => {
      if (path.endsWith('/keys/rotate')) throw new ApiError(429, 'too_many_requests', 'slow', undefined, 30);
      return [];
    });
    view = await render(<KeysPanel websiteId={site.id} />, session(site));
    await click(button(view.container, 'Rotate the secret key…'));
    await click(button(view.container, 'Rotate secret key'));
    expect(view.container.querySelector('[role="alert"]')?.textContent).toContain('Try again in 30 s.');
  });

  it.each(['SUPERVISOR', 'AGENT', 'VIEWER'] as const)('neither loads nor shows keys to a %s', async (role) => {
    const theirs = website({ role });
    view = await render(<KeysPanel websiteId={theirs.id} />, session(theirs));
    expect(api).not.toHaveBeenCalled();
    expect(view.container.textContent).toContain('does not allow');
  });
});
