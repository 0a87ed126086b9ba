import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { ApiError, describeError, publicFetch } from '../api/client';
import type { Agent } from '../api/types';
import { Link } from '../router';
import { useLinkToken } from './linkToken';
import { ME_KEY } from './me';
import { ResendVerification } from './ResendVerification';

/**
 * `/verify-email#token=…`: the target of the emailed verification link, signed in or not. Takes the token out of the
 * address at once and confirms it exactly once (also under StrictMode's doubled effects).
 */
export function VerifyEmailPage(props: { signedIn: boolean }) {
  const token = useLinkToken();
  const queryClient = useQueryClient();
  const confirm = useMutation({
    mutationFn: (value: string) => publicFetch<Agent>('/v1/auth/email-verification/confirm', { body: { token: value } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_KEY }),
  });
  const { mutate } = confirm;
  const sent = useRef(false);

  useEffect(() => {
    if (token && !sent.current) {
      sent.current = true;
      mutate(token);
    }
  }, [token, mutate]);

  const onward = props.signedIn ? <Link to="/">Continue to Zendo</Link> : <Link to="/login">Sign in</Link>;
  return (
    <main className="auth">
      <section className="auth__card" aria-labelledby="verify-title">
        <h1 id="verify-title" className="auth__title">
          Verify your email address
        </h1>
        {!token && <p role="alert">This link has no verification token in it. Open the link from the email again.</p>}
        {confirm.isPending && <p className="muted">Verifying…</p>}
        {confirm.isSuccess && <p role="status">Your email address {confirm.data.email} is verified.</p>}
        {confirm.isError && <p role="alert">{explain(confirm.error)}</p>}
        {confirm.isError && token && !deadLink(confirm.error) && (
          <button type="button" className="button" onClick={() => mutate(token)}>
            Try again
          </button>
        )}
        {confirm.isError && props.signedIn && deadLink(confirm.error) && (
          <p>
            Get a new link: <ResendVerification />
          </p>
        )}
        {confirm.isError && !props.signedIn && deadLink(confirm.error) && (
          <p className="muted">Sign in to get a new link.</p>
        )}
        {!confirm.isPending && <p className="auth__switch">{onward}</p>}
      </section>
    </main>
  );
}

const deadLink = (error: unknown) => error instanceof ApiError && (error.status === 404 || error.status === 410);

function explain(error: unknown): string {
  if (error instanceof ApiError && error.status === 410) return 'This verification link has expired.';
  if (error instanceof ApiError && error.status === 404) {
    return 'This verification link was already used or is not valid. If your address is verified already, there is nothing left to do.';
  }
  return describeError(error);
}
