// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { codeDigits, CodeSignInPage, RESEND_COOLDOWN_SECONDS } from '../../src/account/CodeSignInPage';
import { ApiError, publicFetch } from '../../src/api/client';
import { tokens } from '../../src/auth/tokens';
import { button, click, render, session, settle, submit, type, website } from '../settings/render';

vi.mock('../../src/api/client', async (original) => ({ ...(await original<object>()), apiFetch: vi.fn(), publicFetch: vi.fn() }));

const post = vi.mocked(publicFetch);
const signedIn = {
  access_token: 'a',
  token_type: 'Bearer',
  expires_in: 900,
  refresh_token: 'r',
  refresh_expires_in: 100,
  agent: { id: 'a1', email: 'ann@example.com', name: 'Ann' },
};

async function askForCode() {
  post.mockResolvedValueOnce({});
  const view = await render(<CodeSignInPage />, session(website()));
  await type(view.container.querySelector('input[name="email"]'), 'ann@example.com');
  await submit(view.container.querySelector('form'));
  return view;
}

const codeInput = (container: HTMLElement) => container.querySelector<HTMLInputElement>('input[name="code"]')!;

async function paste(input: HTMLInputElement, text: string) {
  const event = new Event('paste', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'clipboardData', { value: { getData: () => text } });
  await act(async () => input.dispatchEvent(event));
  await settle();
}

describe('CodeSignInPage', () => {
  beforeEach(() => {
    post.mockReset();
  });

  afterEach(() => {
    vi.useRealTimers();
    tokens.clear('signed-out');
  });

  it('emails a code, then asks for it in a one-time-code field', async () => {
    const view = await askForCode();

    expect(post).toHaveBeenCalledWith('/v1/auth/sign-in-code', { body: { email: 'ann@example.com' } });
    expect(view.container.querySelector('[role="status"]')?.textContent).toContain(
      'If an account exists for ann@example.com, we sent it a 6-digit code.',
    );
    const input = codeInput(view.container);
    expect(input.getAttribute('autocomplete')).toBe('one-time-code');
    expect(input.getAttribute('inputmode')).toBe('numeric');
    expect(input.closest('label')?.textContent).toContain('Code');
  });

  it('signs in with the typed code', async () => {
    const view = await askForCode();
    post.mockResolvedValueOnce(signedIn);
    await type(codeInput(view.container), '123456');
    await submit(view.container.querySelector('form'));

    expect(post).toHaveBeenLastCalledWith('/v1/auth/sign-in-code/verify', { body: { email: 'ann@example.com', code: '123456' } });
    expect(tokens.snapshot()).toMatchObject({ status: 'signed-in', agent: { name: 'Ann' } });
  });

  it('signs in as soon as a pasted code has its six digits', async () => {
    const view = await askForCode();
    post.mockResolvedValueOnce(signedIn);
    await paste(codeInput(view.container), 'Your code: 123 456');

    expect(post).toHaveBeenLastCalledWith('/v1/auth/sign-in-code/verify', { body: { email: 'ann@example.com', code: '123456' } });
    expect(tokens.snapshot().status).toBe('signed-in');
  });

  it.each([
    [new ApiError(401, 'invalid_code', 'x'), 'This code is wrong or has expired. Check the latest email, or send a new code.'],
    [new ApiError(429, 'too_many_requests', 'x', undefined, 300), 'Too many requests. Try again in 300 s.'],
  ])('explains %s', async (error, message) => {
    const view = await askForCode();
    post.mockRejectedValueOnce(error);
    await type(codeInput(view.container), '000000');
    await submit(view.container.querySelector('form'));

    expect(view.container.querySelector('.form-error')?.textContent).toBe(message);
    expect(tokens.snapshot().status).not.toBe('signed-in');
  });

  it('offers a new code only after the cool-down', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const view = await askForCode();
    expect(button(view.container, /Send a new code/).disabled).toBe(true);
    expect(button(view.container, /Send a new code/).textContent).toBe(`Send a new code (in ${RESEND_COOLDOWN_SECONDS} s)`);

    await act(async () => vi.advanceTimersByTime(RESEND_COOLDOWN_SECONDS * 1000));
    const resend = button(view.container, 'Send a new code');
    expect(resend.disabled).toBe(false);
    post.mockResolvedValueOnce({});
    await click(resend);

    expect(post.mock.calls.filter(([path]) => path === '/v1/auth/sign-in-code')).toHaveLength(2);
    expect(button(view.container, /Send a new code/).disabled).toBe(true);
  });

  it.each([
    ['123456', '123456'],
    ['123 456', '123456'],
    ['Code: 12-34-56', '123456'],
    ['12345678', '123456'],
    ['abc', ''],
  ])('keeps the digits of %j', (text, digits) => {
    expect(codeDigits(text)).toBe(digits);
  });
});
