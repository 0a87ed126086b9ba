// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VerifyEmailPage } from '../../src/account/VerifyEmailPage';
import { ApiError, publicFetch } from '../../src/api/client';
import { api, button, click, settle } from '../settings/render';

vi.mock('../../src/api/client', async (original) => ({ ...(await original<object>()), apiFetch: vi.fn(), publicFetch: vi.fn() }));

const post = vi.mocked(publicFetch);
const verified = { id: 'a1', email: 'ann@example.com', name: 'Ann', email_verified: true };

/** Opens the page as the app does: under StrictMode from the root, so React runs its effects twice on mount. */
async function open(signedIn: boolean, hash = '#token=ver_abc') {
  window.history.replaceState(null, '', `/verify-email${hash}`);
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () =>
    root.render(
      <StrictMode>
        <QueryClientProvider client={new QueryClient({ defaultOptions: { mutations: { retry: false } } })}>
          <VerifyEmailPage signedIn={signedIn} />
        </QueryClientProvider>
      </StrictMode>,
    ),
  );
  await settle();
  opened.push(() => {
    act(() => root.unmount());
    container.remove();
  });
  return { container };
}

const opened: (() => void)[] = [];

describe('VerifyEmailPage', () => {
  beforeEach(() => {
    post.mockReset();
  });

  afterEach(() => {
    opened.splice(0).forEach((close) => close());
    api.mockReset();
  });

  it('confirms the token once, even under StrictMode, and takes it out of the address', async () => {
    post.mockResolvedValue(verified);
    const view = await open(false);

    expect(post).toHaveBeenCalledTimes(1);
    expect(post).toHaveBeenCalledWith('/v1/auth/email-verification/confirm', { body: { token: 'ver_abc' } });
    expect(window.location.hash).toBe('');
    expect(view.container.querySelector('[role="status"]')?.textContent).toBe('Your email address ann@example.com is verified.');
    expect(view.container.querySelector('a[href="/login"]')?.textContent).toBe('Sign in');
  });

  it('offers a signed-in agent the way back to the workspace', async () => {
    post.mockResolvedValue(verified);
    const view = await open(true);

    expect(view.container.querySelector('a[href="/"]')?.textContent).toBe('Continue to Zendo');
  });

  it.each([
    [410, 'token_expired', 'This verification link has expired.'],
    [404, 'token_not_found', 'This verification link was already used or is not valid.'],
  ])('explains a %i and tells a signed-out agent how to get a new link', async (status, code, message) => {
    post.mockRejectedValue(new ApiError(status, code, 'x'));
    const view = await open(false);

    expect(view.container.querySelector('[role="alert"]')?.textContent).toContain(message);
    expect(view.container.textContent).toContain('Sign in to get a new link.');
    expect(view.container.textContent).not.toContain('Resend');
  });

  it('lets a signed-in agent with an expired link ask for a new one', async () => {
    post.mockRejectedValue(new ApiError(410, 'token_expired', 'x'));
    api.mockResolvedValue({ email: 'ann@example.com' });
    const view = await open(true);
    await click(button(view.container, 'Resend'));

    expect(api).toHaveBeenCalledWith('/v1/auth/email-verification', { method: 'POST' });
    expect(view.container.textContent).toContain('Sent: check the inbox of ann@example.com.');
  });

  it('tries again after a network failure', async () => {
    post.mockRejectedValueOnce(new ApiError(0, 'network', 'x')).mockResolvedValueOnce(verified);
    const view = await open(false);
    expect(view.container.querySelector('[role="alert"]')?.textContent).toBe(
      'Cannot reach the server. Check your connection and try again.',
    );
    await click(button(view.container, 'Try again'));

    expect(post).toHaveBeenCalledTimes(2);
    expect(view.container.querySelector('[role="status"]')?.textContent).toContain('is verified.');
  });

  it('says so when the link has no token', async () => {
    const view = await open(false, '');

    expect(post).not.toHaveBeenCalled();
    expect(view.container.querySelector('[role="alert"]')?.textContent).toContain('no verification token');
  });
});
