// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ForgotPasswordPage } from '../../src/account/ForgotPasswordPage';
import { ApiError, publicFetch } from '../../src/api/client';
import { render, session, submit, type, website } from '../settings/render';

vi.mock('../../src/api/client', async (original) => ({ ...(await original<object>()), apiFetch: vi.fn(), publicFetch: vi.fn() }));

const post = vi.mocked(publicFetch);

async function ask(email: string) {
  const view = await render(<ForgotPasswordPage />, session(website()));
  await type(view.container.querySelector('input[name="email"]'), email);
  await submit(view.container.querySelector('form'));
  return view;
}

describe('ForgotPasswordPage', () => {
  beforeEach(() => {
    post.mockReset();
  });

  it('asks for a reset link and answers with the neutral confirmation', async () => {
    post.mockResolvedValue({});
    const view = await ask('ann@example.com');

    expect(post).toHaveBeenCalledWith('/v1/auth/password-reset', { body: { email: 'ann@example.com' } });
    expect(view.container.querySelector('[role="status"]')?.textContent).toBe(
      'If an account exists for ann@example.com, we sent it a link to choose a new password. The link can be used once.',
    );
    expect(view.container.querySelector('a[href="/login"]')).not.toBeNull();
  });

  it.each([
    [new ApiError(429, 'too_many_requests', 'Too many', undefined, 60), 'Too many requests. Try again in 60 s.'],
    [new ApiError(0, 'network', 'x'), 'Cannot reach the server. Check your connection and try again.'],
  ])('keeps the form and explains %s', async (error, message) => {
    post.mockRejectedValue(error);
    const view = await ask('ann@example.com');

    expect(view.container.querySelector('.form-error')?.textContent).toBe(message);
    expect(view.container.querySelector('input[name="email"]')).not.toBeNull();
  });

  it('shows the field a 400 names', async () => {
    post.mockRejectedValue(
      new ApiError(400, 'invalid_request', 'Invalid request.', { errors: [{ field: 'email', message: 'must be an email' }] }),
    );
    const view = await ask('ann@example.com');

    expect(view.container.querySelector('.field__error')?.textContent).toBe('must be an email');
  });
});
