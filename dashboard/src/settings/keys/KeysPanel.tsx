import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSession } from '../../session/session';
import { settingsApi, settingsKeys, type KeyView } from '../api';
import { ConfirmButton } from '../common/ConfirmButton';
import { ErrorNotice } from '../common/ErrorNotice';
import { formatDate } from '../common/dates';
import { Forbidden } from '../common/Forbidden';
import { OneTimeSecret } from '../common/OneTimeSecret';
import { TableHead } from '../common/TableHead';
import { Permission } from '../permissions';

type Kind = KeyView['kind'];

/**
 * The website's keys. Rotating issues a new current key; a new secret key is held only in this component's state,
 * shown once, and gone when dismissed or when the page is left: it never enters the query cache.
 */
export function KeysPanel({ websiteId }: { websiteId: string }) {
  const { can, reloadWebsites } = useSession();
  const queryClient = useQueryClient();
  const manage = can(Permission.manageKeys);
  const keys = useQuery({
    queryKey: settingsKeys.keys(websiteId),
    queryFn: () => settingsApi.keys(websiteId),
    enabled: can(Permission.viewKeys),
  });
  const [confirming, setConfirming] = useState<Kind | null>(null);
  const [issuedSecret, setIssuedSecret] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: settingsKeys.keys(websiteId) });

  const rotate = useMutation({
    mutationFn: (kind: Kind) => settingsApi.rotateKey(websiteId, kind),
    onSuccess: (key) => {
      setConfirming(null);
      if (key.secret) setIssuedSecret(key.secret);
      if (key.kind === 'public') void reloadWebsites();
      void refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (keyId: string) => settingsApi.revokeKey(websiteId, keyId),
    onSuccess: () => refresh(),
  });

  if (!can(Permission.viewKeys)) return <Forbidden what="seeing the website's keys" />;

  return (
    <div className="settings-section">
      {issuedSecret && (
        <OneTimeSecret label="New secret key" value={issuedSecret} onDismiss={() => setIssuedSecret(null)}>
          <p className="settings-muted">
            Your servers use it for the server API. The previous secret key keeps working for a while (see its expiry
            below), so you can deploy this one first.
          </p>
        </OneTimeSecret>
      )}
      {keys.isPending && <p className="settings-muted">Loading keys…</p>}
      <ErrorNotice error={keys.error} />
      {keys.data && (
        <table className="settings-table">
          <caption className="settings-caption">Keys, current first</caption>
          <TableHead columns={['Kind', 'Key', 'State', 'Created']} />
          <tbody>
            {[...keys.data]
              .sort((a, b) => Number(b.current) - Number(a.current) || b.created_at.localeCompare(a.created_at))
              .map((key) => (
                <tr key={key.id} data-testid={`key-${key.kind}`}>
                  <td>{key.kind === 'public' ? 'Public' : 'Secret'}</td>
                  <td>
                    <code>{key.public_key ?? `${key.hint}…`}</code>
                  </td>
                  <td>{describeState(key)}</td>
                  <td>{formatDate(key.created_at)}</td>
                  <td>
                    {manage && key.active && !key.current && (
                      <ConfirmButton
                        label="Revoke now"
                        confirmLabel="Stop this key now"
                        disabled={revoke.isPending}
                        onConfirm={() => revoke.mutate(key.id)}
                      />
                    )}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
      <ErrorNotice error={revoke.error} />
      {manage && (
        <div className="settings-actions">
          {(['public', 'secret'] as const).map((kind) =>
            confirming === kind ? (
              <div key={kind} className="settings-confirm" role="group" aria-label={`Rotate the ${kind} key`}>
                <span>
                  {kind === 'public'
                    ? 'A new public key replaces the one in your snippet; the old one keeps working for the overlap window.'
                    : 'A new secret key is issued and shown once; the old one keeps working for the overlap window.'}
                </span>
                <button
                  type="button"
                  className="settings-button settings-button--primary"
                  disabled={rotate.isPending}
                  onClick={() => rotate.mutate(kind)}
                >
                  Rotate {kind} key
                </button>
                <button type="button" className="settings-button" onClick={() => setConfirming(null)}>
                  Cancel
                </button>
              </div>
            ) : (
              <button key={kind} type="button" className="settings-button" onClick={() => setConfirming(kind)}>
                Rotate the {kind} key…
              </button>
            ),
          )}
        </div>
      )}
      <ErrorNotice error={rotate.error} />
    </div>
  );
}

function describeState(key: KeyView): string {
  if (key.revoked_at) return `Revoked ${formatDate(key.revoked_at)}`;
  if (key.current) return 'Current';
  if (key.active) return key.expires_at ? `Works until ${formatDate(key.expires_at)}` : 'Active';
  return key.expires_at ? `Expired ${formatDate(key.expires_at)}` : 'Inactive';
}
