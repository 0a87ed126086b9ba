import { useState, type FormEvent } from 'react';
import { ApiError, describeError, publicFetch } from '../api/client';
import { Link, navigate } from '../router';
import { Field } from '../ui/Field';
import { useSubmission } from '../ui/useSubmission';
import { useLinkToken } from './linkToken';

/** The sign-in page's notice after a password reset (`/login?notice=…`). */
export const PASSWORD_CHANGED = 'password-changed';

/** Why a reset link cannot be used any more; null for any other refusal. */
function deadLink(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  if (error.status === 410) return 'This reset link has expired.';
  if (error.status === 404) return 'This reset link was already used or is not valid.';
  return null;
}

/**
 * `/reset-password#token=…`: the target of the emailed reset link. Takes the token out of the address at once,
 * asks for the new password twice, then sends the agent to the sign-in page with a notice.
 */
export function ResetPasswordPage() {
  const token = useLinkToken();
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [dead, setDead] = useState<string | null>(token ? null : 'This link has no reset token in it.');
  const { busy, error, fields, run } = useSubmission(describeError);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== repeated);
    if (password !== repeated || !token) return;
    void run(async () => {
      try {
        await publicFetch<void>('/v1/auth/password-reset/confirm', { body: { token, new_password: password } });
      } catch (e) {
        const reason = deadLink(e);
        if (!reason) throw e;
        setDead(reason);
        return;
      }
      navigate(`/login?notice=${PASSWORD_CHANGED}`, { replace: true });
    });
  };

  if (dead) {
    return (
      <main className="auth">
        <section className="auth__card" aria-labelledby="reset-title">
          <h1 id="reset-title" className="auth__title">
            Choose a new password
          </h1>
          <p role="alert">{dead}</p>
          <p className="auth__switch">
            <Link to="/forgot-password">Ask for a new link</Link>
          </p>
        </section>
      </main>
    );
  }
  return (
    <main className="auth">
      <form className="auth__card" onSubmit={submit} aria-labelledby="reset-title">
        <h1 id="reset-title" className="auth__title">
          Choose a new password
        </h1>
        {error && !fields.new_password && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <Field label="New password" error={fields.new_password}>
          <input
            name="new_password"
            type="password"
            autoComplete="new-password"
            minLength={10}
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <Field label="Repeat the new password" error={mismatch ? 'The two passwords are not the same.' : undefined}>
          <input
            name="repeat_password"
            type="password"
            autoComplete="new-password"
            required
            value={repeated}
            onChange={(e) => setRepeated(e.target.value)}
          />
        </Field>
        <button className="button button--primary" type="submit" disabled={busy}>
          Change password
        </button>
        <p className="auth__switch">
          <Link to="/login">Back to sign in</Link>
        </p>
      </form>
    </main>
  );
}
