import { useState, type FormEvent } from 'react';
import { describeError, publicFetch } from '../api/client';
import { Link } from '../router';
import { Field } from '../ui/Field';
import { useSubmission } from '../ui/useSubmission';

/**
 * `/forgot-password`: asks identity to email a reset link. The confirmation is the same whether or not an account
 * has this email, so the page never tells who has an account.
 */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { busy, error, fields, run } = useSubmission(describeError);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await publicFetch<unknown>('/v1/auth/password-reset', { body: { email } });
      setSentTo(email);
    });
  };

  if (sentTo !== null) {
    return (
      <main className="auth">
        <section className="auth__card" aria-labelledby="forgot-title">
          <h1 id="forgot-title" className="auth__title">
            Check your email
          </h1>
          <p role="status">
            If an account exists for {sentTo}, we sent it a link to choose a new password. The link can be used
            once.
          </p>
          <p className="auth__switch">
            <Link to="/login">Back to sign in</Link>
          </p>
        </section>
      </main>
    );
  }
  return (
    <main className="auth">
      <form className="auth__card" onSubmit={submit} aria-labelledby="forgot-title">
        <h1 id="forgot-title" className="auth__title">
          Reset your password
        </h1>
        <p className="muted">Enter your account's email and we will send you a link to choose a new password.</p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
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
        <button className="button button--primary" type="submit" disabled={busy}>
          Email me a reset link
        </button>
        <p className="auth__switch">
          <Link to="/login">Back to sign in</Link>
        </p>
      </form>
    </main>
  );
}
