// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/api/client';
import { AcceptInvitationPage } from '../../src/settings/team/AcceptInvitationPage';
import { tokens } from '../../src/auth/tokens';
import { api, button, click, render, session, website, type Rendered } from './render';

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

  it('asks an agent whose email is not verified to verify it, resends the link, and joins once verified', async () => {
    window.history.replaceState(null, '', '/invitations/accept#token=inv_abc');
    const refresh = vi.spyOn(tokens, 'refresh').mockResolvedValue('fresh');
    api.mockRejectedValueOnce(new ApiError(403, 'email_unverified', 'x'));
    view = await render(<AcceptInvitationPage />, session(website()));

    expect(view.container.querySelector('[role="alert"]')?.textContent).toBe(
      'Before joining, verify your email address me@acme.test: open the link we emailed you, then come back here.',
    );
    api.mockResolvedValueOnce({ email: 'me@acme.test' });
    await click(button(view.container, 'Resend'));
    expect(api).toHaveBeenLastCalledWith('/v1/auth/email-verification', { method: 'POST' });
    expect(view.container.textContent).toContain('Sent: check the inbox of me@acme.test.');

    api.mockResolvedValueOnce({ website_id: 'w2', website_name: 'Beta', role: 'agent' });
    await click(button(view.container, 'I have verified it: join now'));
    expect(refresh).toHaveBeenCalled();
    expect(api).toHaveBeenLastCalledWith('/v1/invitations/accept', { method: 'POST', body: { token: 'inv_abc' } });
    expect(view.container.textContent).toContain('You joined Beta as agent.');
    refresh.mockRestore();
  });

  it('says so when the link has no token', async () => {
    window.history.replaceState(null, '', '/invitations/accept');
    view = await render(<AcceptInvitationPage />, session(website()));

    expect(api).not.toHaveBeenCalled();
    expect(view.container.textContent).toContain('no invitation in it');
  });
});
