import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useLinkToken } from '../../account/linkToken';
import { ResendVerification } from '../../account/ResendVerification';
import { ApiError, apiFetch } from '../../api/client';
import { tokens } from '../../auth/tokens';
import { Link } from '../../router';
import { useSession } from '../../session/session';
import { ErrorNotice } from '../common/ErrorNotice';
import type { Role } from '../api';

type Accepted = { website_id: string; website_name: string; role: Role };

/**
 * `/invitations/accept#token=…`: joins the website the signed-in agent was invited to, then forgets the token (it is
 * taken out of the address bar at once, so it stays out of history and bookmarks).
 */
export function AcceptInvitationPage() {
  const { agent, reloadWebsites, selectWebsite } = useSession();
  const token = useLinkToken();
  const accept = useMutation({
    mutationFn: (value: string) => apiFetch<Accepted>('/v1/invitations/accept', { method: 'POST', body: { token: value } }),
    onSuccess: async (accepted) => {
      await reloadWebsites();
      selectWebsite(accepted.website_id);
    },
  });
  const { mutate } = accept;
  const sent = useRef(false);

  const retryVerified = async (value: string) => {
    // A fresh access token, in case the verification state travels in it.
    await tokens.refresh();
    mutate(value);
  };

  useEffect(() => {
    if (token && !sent.current) {
      sent.current = true;
      mutate(token);
    }
  }, [token, mutate]);

  return (
    <main className="settings-page">
      <h1>Invitation</h1>
      {!token && <p role="alert">This link has no invitation in it. Ask for a new invitation.</p>}
      {accept.isPending && <p className="settings-muted">Joining…</p>}
      {accept.isSuccess && (
        <p role="status">
          You joined {accept.data.website_name} as {accept.data.role}. <Link to="/inbox">Open the inbox</Link>
        </p>
      )}
      {accept.isError && <p role="alert">{explain(accept.error, agent.email)}</p>}
      {accept.isError && unverified(accept.error) && token && (
        <p>
          No email? <ResendVerification />{' '}
          <button type="button" className="button" onClick={() => void retryVerified(token)}>
            I have verified it: join now
          </button>
        </p>
      )}
      {accept.isError && !(accept.error instanceof ApiError && [403, 404, 410].includes(accept.error.status)) && (
        <ErrorNotice error={accept.error} />
      )}
    </main>
  );
}

const unverified = (error: unknown) => error instanceof ApiError && error.code === 'email_unverified';

function explain(error: unknown, email: string): string {
  if (!(error instanceof ApiError)) return 'The invitation could not be accepted.';
  if (unverified(error)) {
    return `Before joining, verify your email address ${email}: open the link we emailed you, then come back here.`;
  }
  switch (error.status) {
    case 403:
      return `This invitation was sent to another email than ${email}. Sign in with the invited email.`;
    case 410:
      return 'This invitation has expired. Ask for a new one.';
    case 404:
      return 'This invitation is no longer valid: it was used, revoked or replaced.';
    default:
      return 'The invitation could not be accepted.';
  }
}
