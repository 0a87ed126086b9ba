import { useState, type FormEvent } from 'react';
import { describeError, publicFetch, ApiError } from '../api/client';
import type { TokenResponse } from '../api/types';
import { Link } from '../router';
import { Field } from '../ui/Field';
import { useSubmission } from '../ui/useSubmission';
import { tokens } from './tokens';

/** Sign-in and sign-up: one form, two modes. */
export function AuthPage(props: { mode: 'login' | 'signup'; notice?: string }) {
  const signup = props.mode === 'signup';
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const { busy, error, fields, run } = useSubmission(authMessage);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const body = signup ? { email, password, name } : { email, password };
      const answer = await publicFetch<TokenResponse>(signup ? '/v1/auth/signup' : '/v1/auth/login', { body });
      tokens.accept(answer);
    });
  };

  return (
    <main className="auth">
      <form className="auth__card" onSubmit={submit} aria-labelledby="auth-title">
        <h1 id="auth-title" className="auth__title">
          {signup ? 'Create your Zendo account' : 'Sign in to Zendo'}
        </h1>
        {props.notice && !error && (
          <p className="notice" role="status">
            {props.notice}
          </p>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {signup && (
          <Field label="Name" error={fields.name}>
            <input name="name" autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
        )}
        <Field label="Email" error={fields.email}>
          <input
            name="email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </Field>
        <Field label="Password" error={fields.password}>
          <input
            name="password"
            type="password"
            autoComplete={signup ? 'new-password' : 'current-password'}
            minLength={signup ? 10 : undefined}
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        {!signup && (
          <p className="auth__forgot">
            <Link to="/forgot-password">Forgot password?</Link>
          </p>
        )}
        <button className="button button--primary" type="submit" disabled={busy}>
          {signup ? 'Create account' : 'Sign in'}
        </button>
        {!signup && (
          <p className="auth__alternative">
            <Link to="/sign-in-code">Sign in with a code instead</Link>
          </p>
        )}
        <p className="auth__switch">
          {signup ? (
            <>
              Already have an account? <Link to="/login">Sign in</Link>
            </>
          ) : (
            <>
              New to Zendo? <Link to="/signup">Create an account</Link>
            </>
          )}
        </p>
      </form>
    </main>
  );
}

function authMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'invalid_credentials') return 'Wrong email or password.';
    if (error.code === 'email_taken') return 'An account with this email already exists.';
  }
  return describeError(error);
}
