import { useEffect, useState, type ClipboardEvent, type FormEvent } from 'react';
import { ApiError, describeError, publicFetch } from '../api/client';
import type { TokenResponse } from '../api/types';
import { tokens } from '../auth/tokens';
import { Link } from '../router';
import { Field } from '../ui/Field';
import { useSubmission } from '../ui/useSubmission';

/** Seconds before another code may be asked for. */
export const RESEND_COOLDOWN_SECONDS = 30;

const CODE_LENGTH = 6;

/** The digits of what was typed or pasted ("123 456", "Code: 123456"), at most six. */
export function codeDigits(text: string): string {
  return text.replace(/\D/g, '').slice(0, CODE_LENGTH);
}

/** Seconds left of a countdown started with `start(seconds)`, ticking once a second. */
function useCountdown(): [number, (seconds: number) => void] {
  const [left, setLeft] = useState(0);
  const running = left > 0;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setLeft((s) => Math.max(0, s - 1)), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return [left, setLeft];
}

function codeMessage(error: unknown): string {
  if (error instanceof ApiError && error.code === 'invalid_code') {
    return 'This code is wrong or has expired. Check the latest email, or send a new code.';
  }
  return describeError(error);
}

/**
 * `/sign-in-code`: signing in without the password. Identity emails a 6-digit code (answering the same whether or
 * not the account exists); the code, typed or pasted, signs the agent in. A new code may be asked for after a cool-down.
 */
export function CodeSignInPage() {
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [cooldown, startCooldown] = useCountdown();
  const request = useSubmission(describeError);
  const verify = useSubmission(codeMessage);

  const sendCode = (to: string) =>
    request.run(async () => {
      await publicFetch<unknown>('/v1/auth/sign-in-code', { body: { email: to } });
      setSentTo(to);
      setCode('');
      startCooldown(RESEND_COOLDOWN_SECONDS);
    });

  const signIn = (to: string, digits: string) =>
    verify.run(async () => {
      const answer = await publicFetch<TokenResponse>('/v1/auth/sign-in-code/verify', { body: { email: to, code: digits } });
      tokens.accept(answer);
    });

  const submitEmail = (event: FormEvent) => {
    event.preventDefault();
    void sendCode(email);
  };

  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    if (sentTo !== null) void signIn(sentTo, code);
  };

  const paste = (event: ClipboardEvent<HTMLInputElement>) => {
    event.preventDefault();
    const digits = codeDigits(event.clipboardData.getData('text'));
    setCode(digits);
    if (digits.length === CODE_LENGTH && sentTo !== null && !verify.busy) void signIn(sentTo, digits);
  };

  if (sentTo === null) {
    return (
      <main className="auth">
        <form className="auth__card" onSubmit={submitEmail} aria-labelledby="code-title">
          <h1 id="code-title" className="auth__title">
            Sign in with a code
          </h1>
          <p className="muted">We will email you a 6-digit code to sign in with, no password needed.</p>
          {request.error && (
            <p className="form-error" role="alert">
              {request.error}
            </p>
          )}
          <Field label="Email" error={request.fields.email}>
            <input
              name="email"
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </Field>
          <button className="button button--primary" type="submit" disabled={request.busy}>
            Email me a sign-in code
          </button>
          <p className="auth__switch">
            <Link to="/login">Sign in with a password</Link>
          </p>
        </form>
      </main>
    );
  }
  return (
    <main className="auth">
      <form className="auth__card" onSubmit={submitCode} aria-labelledby="code-title">
        <h1 id="code-title" className="auth__title">
          Enter your sign-in code
        </h1>
        <p role="status">If an account exists for {sentTo}, we sent it a 6-digit code. It works once, within 10 minutes.</p>
        {(verify.error ?? request.error) && (
          <p className="form-error" role="alert">
            {verify.error ?? request.error}
          </p>
        )}
        <Field label="Code" error={verify.fields.code}>
          <input
            name="code"
            className="code-input"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            title="The 6 digits from the email"
            required
            autoFocus
            value={code}
            onChange={(e) => setCode(codeDigits(e.target.value))}
            onPaste={paste}
          />
        </Field>
        <button className="button button--primary" type="submit" disabled={verify.busy || code.length !== CODE_LENGTH}>
          Sign in
        </button>
        <p className="auth__actions">
          <button
            type="button"
            className="link-button"
            disabled={cooldown > 0 || request.busy}
            onClick={() => void sendCode(sentTo)}
          >
            {cooldown > 0 ? `Send a new code (in ${cooldown} s)` : 'Send a new code'}
          </button>
          <button type="button" className="link-button" onClick={() => setSentTo(null)}>
            Use another email
          </button>
        </p>
        <p className="auth__switch">
          <Link to="/login">Sign in with a password</Link>
        </p>
      </form>
    </main>
  );
}
