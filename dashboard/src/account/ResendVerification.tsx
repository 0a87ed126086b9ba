import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiFetch, describeError } from '../api/client';
import { ME_KEY } from './me';

const alreadyVerified = (error: unknown) => error instanceof ApiError && error.code === 'email_already_verified';

/**
 * Sends the signed-in agent a new verification link, then says how it went: sent, already verified (the agent's
 * profile is reloaded, so whatever asked for verification can go away) or refused (e.g. too many requests).
 */
export function ResendVerification() {
  const queryClient = useQueryClient();
  const resend = useMutation({
    mutationFn: () => apiFetch<{ email: string }>('/v1/auth/email-verification', { method: 'POST' }),
    onError: (error) => {
      if (alreadyVerified(error)) void queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
  });
  return (
    <span className="resend">
      <button type="button" className="link-button" disabled={resend.isPending} onClick={() => resend.mutate()}>
        Resend
      </button>
      {resend.isPending && <span className="muted"> Sending…</span>}
      {resend.isSuccess && <span role="status"> Sent: check the inbox of {resend.data.email}.</span>}
      {resend.isError &&
        (alreadyVerified(resend.error) ? (
          <span role="status"> Your email address is already verified.</span>
        ) : (
          <span role="alert" className="form-error">
            {' '}
            {describeError(resend.error)}
          </span>
        ))}
    </span>
  );
}
