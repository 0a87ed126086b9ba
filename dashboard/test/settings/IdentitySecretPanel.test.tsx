// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { IdentitySecretPanel } from '../../src/settings/identity/IdentitySecretPanel';
import { api, button, click, render, session, type, website, type Rendered } from './render';

vi.mock('../../src/api/client', async (original) => ({ ...(await original<object>()), apiFetch: vi.fn() }));

const site = website();
let view: Rendered;

describe('IdentitySecretPanel', () => {
  it('creates the first secret, shows it once with the signing code, then only its hint', async () => {
    const listed: unknown[] = [];
    api.mockImplementation(async (_path: string, options?: { method?: string }) => {
      if (options?.method === 'POST') {
        listed.push({ id: 's1', hint: 'wxyz', current: true, created_by: 'agent-self', created_at: '2026-11-30T10:00:00Z' });
        return { id: 's1', secret: 'ivs_secret_value_wxyz', hint: 'wxyz', created_at: '2026-11-30T10:00:00Z' };
      }
      return structuredClone(listed);
    });
    view = await render(<IdentitySecretPanel websiteId={site.id} />, session(site));
    expect(view.container.textContent).toContain('identity verification is off');

    await click(button(view.container, 'Create secret'));
    expect(api).toHaveBeenCalledWith(`/v1/inbox/${site.id}/identity-verification/secrets`, {
      method: 'POST',
      body: { overlap_seconds: 86400 },
    });
    expect(view.container.querySelector('[data-testid="one-time-secret"]')?.textContent).toBe('ivs_secret_value_wxyz');
    expect(view.container.textContent).toContain("algorithm: 'HS256'");
    expect(view.container.textContent).toContain("Zendo('boot', { websiteKey: 'pk_test', user: { token: userToken } });");

    await click(button(view.container, 'I have stored it'));
    expect(view.container.textContent).not.toContain('ivs_secret_value_wxyz');
    expect(view.container.textContent).toContain('…wxyz');
  });

  it('rotates with the overlap chosen for the previous secret', async () => {
    api.mockImplementation(async (_path: string, options?: { method?: string }) =>
      options?.method === 'POST'
        ? { id: 's2', secret: 'ivs_2', hint: 'abcd', created_at: '2026-11-30T10:00:00Z', previous_valid_until: '2026-11-30T10:00:00Z' }
        : [{ id: 's1', hint: 'wxyz', current: true, created_by: 'a', created_at: '2026-11-29T10:00:00Z' }],
    );
    view = await render(<IdentitySecretPanel websiteId={site.id} />, session(site));
    await type(view.container.querySelector('select'), '0');
    await click(button(view.container, 'Rotate secret'));

    expect(api).toHaveBeenCalledWith(`/v1/inbox/${site.id}/identity-verification/secrets`, {
      method: 'POST',
      body: { overlap_seconds: 0 },
    });
    expect(view.container.textContent).toContain('previous secret keeps verifying until');
  });

  it.each(['SUPERVISOR', 'AGENT', 'VIEWER'] as const)('is closed to a %s', async (role) => {
    const theirs = website({ role });
    view = await render(<IdentitySecretPanel websiteId={theirs.id} />, session(theirs));
    expect(api).not.toHaveBeenCalled();
    expect(view.container.querySelector('button')).toBeNull();
  });
});
