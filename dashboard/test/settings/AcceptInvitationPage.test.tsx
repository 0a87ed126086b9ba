// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/api/client';
import { AcceptInvitationPage, tokenFromHash } from '../../src/settings/team/AcceptInvitationPage';
import { api, render, session, website, type Rendered } from './render';

vi.mock('../../src/api/client', async (original) => ({ ...(await original<object>()), apiFetch: vi.fn() }));

let view: Rendered;

describe('AcceptInvitationPage', () => {
  it('accepts the token of the link, switches to the website and clears the token from the address', async () => {
    window.history.replaceState(null, '', '/invitations/accept#token=inv_abc');
    api.mockResolvedValue({ website_id: 'w2', website_name: 'Beta <i>shop</i>', role: 'agent' });
    const reloadWebsites = vi.fn(async () => undefined);
    const selectWebsite = vi.fn();
    view = await render(<AcceptInvitationPage />, session(website(), { reloadWebsites, selectWebsite }));

    expect(api).toHaveBeenCalledWith('/v1/invitations/accept', { method: 'POST', body: { token: 'inv_abc' } });
    expect(window.location.hash).toBe('');
    expect(reloadWebsites).toHaveBeenCalled();
    expect(selectWebsite).toHaveBeenCalledWith('w2');
    expect(view.container.textContent).toContain('You joined Beta <i>shop</i> as agent.');
    expect(view.container.querySelector('i')).toBeNull();
  });

  it.each([
    [403, 'sent to another email than me@acme.test'],
    [404, 'no longer valid'],
    [410, 'has expired'],
  ])('explains a %i', async (status, message) => {
    window.history.replaceState(null, '', '/invitations/accept#token=inv_abc');
    api.mockRejectedValue(new ApiError(status, 'x', 'x'));
    view = await render(<AcceptInvitationPage />, session(website()));

    expect(view.container.querySelector('[role="alert"]')?.textContent).toContain(message);
  });

  it('says so when the link has no token', async () => {
    window.history.replaceState(null, '', '/invitations/accept');
    view = await render(<AcceptInvitationPage />, session(website()));

    expect(api).not.toHaveBeenCalled();
    expect(view.container.textContent).toContain('no invitation in it');
  });

  it.each([
    ['#token=inv_1', 'inv_1'],
    ['token=inv_2&x=1', 'inv_2'],
    ['#other=1', null],
    [`#token=${'a'.repeat(101)}`, null],
  ])('reads the token of %j', (hash, token) => {
    expect(tokenFromHash(hash)).toBe(token);
  });
});
