import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSession } from '../../session/session';
import { settingsApi, settingsKeys, type IssuedSecret } from '../api';
import { CopyButton } from '../../ui/CopyButton';
import { ConfirmButton } from '../common/ConfirmButton';
import { ErrorNotice } from '../common/ErrorNotice';
import { formatDate } from '../common/dates';
import { Forbidden } from '../common/Forbidden';
import { OneTimeSecret } from '../common/OneTimeSecret';
import { TableHead } from '../common/TableHead';
import { Permission } from '../permissions';
import { NODE_SNIPPET, pageSnippet, PLAIN_NODE_SNIPPET } from './hostSnippet';

const OVERLAPS = [
  { seconds: 0, label: 'stop at once' },
  { seconds: 3600, label: 'keep working 1 hour' },
  { seconds: 86400, label: 'keep working 24 hours' },
  { seconds: 604800, label: 'keep working 7 days' },
];

/**
 * The identity-verification secret your backend signs user tokens with: rotate (the new secret is shown once, with
 * the signing code), list by hint, revoke previous ones.
 */
export function IdentitySecretPanel({ websiteId }: { websiteId: string }) {
  const { can, website } = useSession();
  const allowed = can(Permission.manageIdentitySecret);
  const queryClient = useQueryClient();
  const secrets = useQuery({
    queryKey: settingsKeys.identitySecrets(websiteId),
    queryFn: () => settingsApi.identitySecrets(websiteId),
    enabled: allowed,
  });
  const [overlap, setOverlap] = useState(86400);
  const [issued, setIssued] = useState<IssuedSecret | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: settingsKeys.identitySecrets(websiteId) });
  const rotate = useMutation({
    mutationFn: () => settingsApi.rotateIdentitySecret(websiteId, overlap),
    onSuccess: (secret) => {
      setIssued(secret);
      void refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (secretId: string) => settingsApi.revokeIdentitySecret(websiteId, secretId),
    onSuccess: () => refresh(),
  });

  if (!allowed) return <Forbidden what="managing the identity-verification secret" />;
  const hasSecret = (secrets.data?.length ?? 0) > 0;

  return (
    <div className="settings-section">
      <p className="settings-muted">
        Your backend vouches for its signed-in users by signing a short-lived user token (an HS256 JWT with sub, exp and
        optionally email and name) with this secret. Conversations then show the verified user and their history.
      </p>
      {issued && (
        <OneTimeSecret label="New identity-verification secret" value={issued.secret} onDismiss={() => setIssued(null)}>
          {issued.previous_valid_until && (
            <p className="settings-muted">The previous secret keeps verifying until {formatDate(issued.previous_valid_until)}.</p>
          )}
        </OneTimeSecret>
      )}
      {secrets.isPending && <p className="settings-muted">Loading secrets…</p>}
      <ErrorNotice error={secrets.error} />
      {secrets.data && !hasSecret && <p className="settings-muted">No secret yet: identity verification is off.</p>}
      {hasSecret && (
        <table className="settings-table">
          <caption className="settings-caption">Secrets that verify now</caption>
          <TableHead columns={['Secret', 'State', 'Created']} />
          <tbody>
            {secrets.data!.map((secret) => (
              <tr key={secret.id}>
                <td>
                  <code>…{secret.hint}</code>
                </td>
                <td>{secret.current ? 'Current' : `Verifies until ${formatDate(secret.expires_at)}`}</td>
                <td>{formatDate(secret.created_at)}</td>
                <td>
                  {!secret.current && (
                    <ConfirmButton
                      label="Revoke now"
                      confirmLabel="Stop this secret now"
                      disabled={revoke.isPending}
                      onConfirm={() => revoke.mutate(secret.id)}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ErrorNotice error={revoke.error} />
      <div className="settings-actions">
        {hasSecret && (
          <label className="settings-choice">
            Previous secret:
            <select className="settings-input settings-input--short" value={overlap} onChange={(event) => setOverlap(Number(event.target.value))}>
              {OVERLAPS.map((option) => (
                <option key={option.seconds} value={option.seconds}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <button
          type="button"
          className="settings-button settings-button--primary"
          disabled={rotate.isPending}
          onClick={() => rotate.mutate()}
        >
          {hasSecret ? 'Rotate secret' : 'Create secret'}
        </button>
      </div>
      <ErrorNotice error={rotate.error} />
      <section className="settings-card" aria-labelledby="identity-snippet-title">
        <h3 id="identity-snippet-title">Sign a user on your server</h3>
        <pre className="settings-code">{NODE_SNIPPET}</pre>
        <CopyButton text={NODE_SNIPPET} label="Copy code" />
        <p className="settings-muted">Or without a JWT library:</p>
        <pre className="settings-code">{PLAIN_NODE_SNIPPET}</pre>
        <CopyButton text={PLAIN_NODE_SNIPPET} label="Copy code" />
        {website?.public_key && (
          <>
            <p className="settings-muted">Then hand the token to the widget in the page (instead of the plain boot call):</p>
            <pre className="settings-code">{pageSnippet(website.public_key)}</pre>
            <CopyButton text={pageSnippet(website.public_key)} label="Copy code" />
          </>
        )}
      </section>
    </div>
  );
}
