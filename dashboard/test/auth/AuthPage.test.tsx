// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, publicFetch } from '../../src/api/client';
import { AuthPage } from '../../src/auth/AuthPage';
import { tokens } from '../../src/auth/tokens';
import { mountEach } from '../mountEach';

vi.mock('../../src/api/client', async (original) => ({
  ...(await original<typeof import('../../src/api/client')>()),
  publicFetch: vi.fn(),
}));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('AuthPage', () => {
  const mount = mountEach();

  const fill = async (label: string, value: string) => {
    const input = [...mount.container.querySelectorAll('label')]
      .find((l) => l.textContent?.startsWith(label))!
      .querySelector('input')!;
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  };

  const submit = async (mode: 'login' | 'signup') => {
    await act(async () => mount.root.render(<AuthPage mode={mode} />));
    if (mode === 'signup') await fill('Name', 'Ann');
    await fill('Email', 'ann@example.com');
    await fill('Password', 'correct horse battery');
    await act(async () => {
      mount.container.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
  };

  beforeEach(() => {
    vi.mocked(publicFetch).mockReset();
  });

  afterEach(() => {
    localStorage.clear();
  });

  it('signs in and keeps the session', async () => {
    vi.mocked(publicFetch).mockResolvedValueOnce({
      access_token: 'a',
      token_type: 'Bearer',
      expires_in: 900,
      refresh_token: 'r',
      refresh_expires_in: 100,
      agent: { id: 'a1', email: 'ann@example.com', name: 'Ann' },
    });
    await submit('login');
    expect(vi.mocked(publicFetch).mock.calls[0]).toEqual([
      '/v1/auth/login',
      { body: { email: 'ann@example.com', password: 'correct horse battery' } },
    ]);
    expect(tokens.snapshot()).toMatchObject({ status: 'signed-in', agent: { name: 'Ann' } });
  });

  it.each([
    ['login', new ApiError(401, 'invalid_credentials', 'Invalid email or password.'), 'Wrong email or password.'],
    ['login', new ApiError(429, 'too_many_requests', 'Too many', undefined, 900), 'Too many requests. Try again in 900 s.'],
    ['login', new ApiError(0, 'network', 'Cannot reach the server.'), 'Cannot reach the server. Check your connection and try again.'],
    ['signup', new ApiError(409, 'email_taken', 'taken'), 'An account with this email already exists.'],
  ] as const)('on %s shows %s as a readable message', async (mode, error, message) => {
    vi.mocked(publicFetch).mockRejectedValueOnce(error);
    await submit(mode);
    expect(mount.container.querySelector('.form-error')!.textContent).toBe(message);
  });

  it('links the login page to the password reset and to signing in with a code', async () => {
    await act(async () => mount.root.render(<AuthPage mode="login" />));
    const links = [...mount.container.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent]);

    expect(links).toEqual(
      expect.arrayContaining([
        ['/forgot-password', 'Forgot password?'],
        ['/sign-in-code', 'Sign in with a code instead'],
      ]),
    );
  });

  it('shows the field a 400 names', async () => {
    vi.mocked(publicFetch).mockRejectedValueOnce(
      new ApiError(400, 'invalid_request', 'Invalid request.', {
        errors: [{ field: 'password', message: 'is on the list of common passwords' }],
      }),
    );
    await submit('signup');
    expect(mount.container.querySelector('.field__error')!.textContent).toBe('is on the list of common passwords');
  });
});
