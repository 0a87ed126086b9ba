// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, type ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { publicFetch } from '../../src/api/client';
import { App } from '../../src/App';
import { mountEach } from '../mountEach';
import { settle } from '../settings/render';

vi.mock('../../src/api/client', async (original) => ({ ...(await original<object>()), apiFetch: vi.fn(), publicFetch: vi.fn() }));

async function openSignedOut(mount: { root: { render: (ui: ReactNode) => void } }, address: string) {
  localStorage.clear();
  sessionStorage.clear();
  window.history.replaceState(null, '', address);
  await act(async () =>
    mount.root.render(
      <QueryClientProvider client={new QueryClient()}>
        <App />
      </QueryClientProvider>,
    ),
  );
  await settle();
}

describe('the account pages in the app', () => {
  const mount = mountEach();

  beforeEach(() => {
    vi.mocked(publicFetch).mockReset();
  });

  it.each([
    ['/forgot-password', 'Reset your password'],
    ['/reset-password#token=rst_1', 'Choose a new password'],
    ['/sign-in-code', 'Sign in with a code'],
  ])('opens %s signed out', async (address, title) => {
    await openSignedOut(mount, address);

    expect(mount.container.querySelector('h1')?.textContent).toBe(title);
  });

  it('verifies an email signed out without remembering the link as the page to return to', async () => {
    vi.mocked(publicFetch).mockResolvedValue({ id: 'a1', email: 'ann@example.com', name: 'Ann', email_verified: true });
    await openSignedOut(mount, '/verify-email#token=ver_1');

    expect(mount.container.textContent).toContain('Your email address ann@example.com is verified.');
    expect(sessionStorage.getItem('zendo.return_to')).toBeNull();
  });

  it('tells an agent who just reset the password to sign in with the new one', async () => {
    await openSignedOut(mount, '/login?notice=password-changed');

    expect(mount.container.querySelector('.notice')?.textContent).toBe('Your password was changed. Sign in with the new one.');
  });
});
