import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { apiFetch } from '../api/client';
import type { InboxCounts } from '../inbox/types';
import { useRealtime } from '../realtime/RealtimeProvider';
import { Link } from '../router';
import { useSession } from '../session/session';
import { CopyButton } from '../ui/CopyButton';
import { forgetSecret, secretOf } from './createdSecrets';
import { installSnippet } from './snippet';

/** After creating a website: the snippet to paste, the secret key once, and "widget installed" on the first visitor. */
export function InstallStep() {
  const { website } = useSession();
  const realtime = useRealtime();
  const websiteId = website!.id;
  const [secret, setSecret] = useState(() => secretOf(websiteId));
  const [visitorSeen, setVisitorSeen] = useState(false);
  const counts = useQuery({
    queryKey: ['website', websiteId, 'counts', {}],
    queryFn: ({ signal }) => apiFetch<InboxCounts>(`/v1/inbox/${websiteId}/conversations/counts`, { signal }),
    refetchInterval: visitorSeen ? false : 10_000,
  });

  useEffect(
    () =>
      realtime.subscribe((frame) => {
        if (frame.type === 'visitor:new' || frame.type === 'conversation:open' || frame.type === 'message:new') {
          setVisitorSeen(true);
        }
      }),
    [realtime],
  );

  const installed = visitorSeen || (counts.data !== undefined && counts.data.open + counts.data.closed > 0);
  const snippet = installSnippet(window.location.origin, website!.public_key ?? 'pk_…');

  return (
    <main className="screen screen--narrow onboarding">
      <h1>Install the chat widget on {website!.name}</h1>
      {secret && (
        <section className="card secret" aria-labelledby="secret-title">
          <h2 id="secret-title">Your secret key</h2>
          <p>
            For your servers (the server API). It is shown <strong>only now</strong>: copy it somewhere safe.
          </p>
          <code className="secret__value" data-testid="secret-key">
            {secret}
          </code>
          <div className="row">
            <CopyButton text={secret} />
            <button
              type="button"
              className="button button--quiet"
              onClick={() => {
                forgetSecret(websiteId);
                setSecret(null);
              }}
            >
              I saved it
            </button>
          </div>
        </section>
      )}
      <section className="card" aria-labelledby="snippet-title">
        <h2 id="snippet-title">Paste this before &lt;/body&gt; on every page</h2>
        <pre className="snippet" data-testid="install-snippet">
          {snippet}
        </pre>
        <CopyButton text={snippet} label="Copy snippet" />
        <p className="muted">
          Try it now on the <a
            href={`/demo?key=${encodeURIComponent(website!.public_key ?? '')}`}
            target="_blank"
            rel="noopener noreferrer"
          >
            demo page
          </a>.
        </p>
      </section>
      <section className="card" aria-live="polite" data-testid="install-status">
        {installed ? (
          <p className="installed">
            <span aria-hidden="true">✓</span> Widget installed: your first visitor is here.{' '}
            <Link to="/inbox">Go to the inbox</Link>
          </p>
        ) : (
          <p className="muted">Waiting for your first visitor…</p>
        )}
      </section>
    </main>
  );
}
