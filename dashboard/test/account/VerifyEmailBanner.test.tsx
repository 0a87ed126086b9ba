// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VerifyEmailBanner } from '../../src/account/VerifyEmailBanner';
import { ApiError } from '../../src/api/client';
import { api, button, click, render, session, website } from '../settings/render';

vi.mock('../../src/api/client', async (original) => ({ ...(await original<object>()), apiFetch: vi.fn() }));

const me = (emailVerified: boolean) => ({ id: 'a1', email: 'ann@example.com', name: 'Ann', email_verified: emailVerified });

/** Answers `GET /v1/auth/me` from `profile()` and the resend with `resend`. */
function serve(profile: () => object, resend: () => Promise<unknown> = async () => ({ email: 'ann@example.com' })) {
  api.mockImplementation(async (path: string) => {
    if (path === '/v1/auth/me') return profile();
    if (path === '/v1/auth/email-verification') return resend();
    throw new Error(`unexpected ${path}`);
  });
}

const banner = (container: HTMLElement) => container.querySelector('section[aria-label="Email verification"]');

describe('VerifyEmailBanner', () => {
  afterEach(() => sessionStorage.clear());

  it('asks an agent with an unverified email to verify it', async () => {
    serve(() => me(false));
    const view = await render(<VerifyEmailBanner />, session(website()));

    expect(banner(view.container)?.textContent).toContain('Verify your email address — we sent a link to ann@example.com.');
  });

  it('stays away once the email is verified', async () => {
    serve(() => me(true));
    const view = await render(<VerifyEmailBanner />, session(website()));

    expect(banner(view.container)).toBeNull();
  });

  it('sends a new link', async () => {
    serve(() => me(false));
    const view = await render(<VerifyEmailBanner />, session(website()));
    await click(button(view.container, 'Resend'));

    expect(api).toHaveBeenCalledWith('/v1/auth/email-verification', { method: 'POST' });
    expect(view.container.querySelector('[role="status"]')?.textContent?.trim()).toBe('Sent: check the inbox of ann@example.com.');
  });

  it('goes away when identity answers that the email is already verified', async () => {
    let verified = false;
    serve(
      () => me(verified),
      async () => {
        verified = true;
        throw new ApiError(409, 'email_already_verified', 'x');
      },
    );
    const view = await render(<VerifyEmailBanner />, session(website()));
    await click(button(view.container, 'Resend'));

    expect(api.mock.calls.filter(([path]) => path === '/v1/auth/me')).toHaveLength(2);
    expect(banner(view.container)).toBeNull();
  });

  it('explains a throttled resend', async () => {
    serve(
      () => me(false),
      async () => {
        throw new ApiError(429, 'too_many_requests', 'x', undefined, 120);
      },
    );
    const view = await render(<VerifyEmailBanner />, session(website()));
    await click(button(view.container, 'Resend'));

    expect(view.container.querySelector('[role="alert"]')?.textContent?.trim()).toBe('Too many requests. Try again in 120 s.');
    expect(banner(view.container)).not.toBeNull();
  });

  it('can be dismissed for the rest of the session', async () => {
    serve(() => me(false));
    const view = await render(<VerifyEmailBanner />, session(website()));
    await click(view.container.querySelector('button[aria-label="Dismiss"]'));

    expect(banner(view.container)).toBeNull();
    view.unmount();
    const again = await render(<VerifyEmailBanner />, session(website()));
    expect(banner(again.container)).toBeNull();
  });
});
