// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ResetPasswordPage } from '../../src/account/ResetPasswordPage';
import { ApiError, publicFetch } from '../../src/api/client';
import { render, session, submit, type, website } from '../settings/render';

vi.mock('../../src/api/client', async (original) => ({ ...(await original<object>()), apiFetch: vi.fn(), publicFetch: vi.fn() }));

const post = vi.mocked(publicFetch);

async function open(hash = '#token=rst_abc') {
  window.history.replaceState(null, '', `/reset-password${hash}`);
  return render(<ResetPasswordPage />, session(website()));
}

async function choose(view: { container: HTMLElement }, password: string, repeated = password) {
  await type(view.container.querySelector('input[name="new_password"]'), password);
  await type(view.container.querySelector('input[name="repeat_password"]'), repeated);
  await submit(view.container.querySelector('form'));
}

describe('ResetPasswordPage', () => {
  beforeEach(() => {
    post.mockReset();
  });

  it('takes the token out of the address at once', async () => {
    await open();

    expect(window.location.hash).toBe('');
    expect(window.location.pathname).toBe('/reset-password');
  });

  it('sets the new password, then opens the sign-in page with a notice', async () => {
    post.mockResolvedValue(undefined);
    const view = await open();
    await choose(view, 'a long new password');

    expect(post).toHaveBeenCalledWith('/v1/auth/password-reset/confirm', {
      body: { token: 'rst_abc', new_password: 'a long new password' },
    });
    expect(window.location.pathname + window.location.search).toBe('/login?notice=password-changed');
  });

  it('refuses two different passwords without calling the API', async () => {
    const view = await open();
    await choose(view, 'a long new password', 'another long password');

    expect(post).not.toHaveBeenCalled();
    expect(view.container.querySelector('.field__error')?.textContent).toBe('The two passwords are not the same.');
  });

  it.each([
    [410, 'token_expired', 'This reset link has expired.'],
    [404, 'token_not_found', 'This reset link was already used or is not valid.'],
  ])('explains a %i and links to ask again', async (status, code, message) => {
    post.mockRejectedValue(new ApiError(status, code, 'x'));
    const view = await open();
    await choose(view, 'a long new password');

    expect(view.container.querySelector('[role="alert"]')?.textContent).toBe(message);
    expect(view.container.querySelector('a[href="/forgot-password"]')?.textContent).toBe('Ask for a new link');
    expect(view.container.querySelector('form')).toBeNull();
  });

  it('shows a weak password under the new password field', async () => {
    post.mockRejectedValue(
      new ApiError(400, 'invalid_request', 'Invalid request.', {
        errors: [{ field: 'new_password', message: 'is on the list of common passwords' }],
      }),
    );
    const view = await open();
    await choose(view, 'password1234');

    expect(view.container.querySelector('.field__error')?.textContent).toBe('is on the list of common passwords');
    expect(view.container.querySelector('form')).not.toBeNull();
  });

  it('says so when the link has no token', async () => {
    const view = await open('');

    expect(view.container.querySelector('[role="alert"]')?.textContent).toBe('This link has no reset token in it.');
    expect(view.container.querySelector('a[href="/forgot-password"]')).not.toBeNull();
  });
});
