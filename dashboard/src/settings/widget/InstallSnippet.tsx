import { CopyButton } from '../../ui/CopyButton';
import { installSnippet } from '../../onboarding/snippet';

/** The code to paste before `</body>` on the website, with a copy button. */
export function InstallSnippet({ publicKey }: { publicKey: string | null | undefined }) {
  if (!publicKey) {
    return <p className="settings-muted">The website has no current public key: rotate one under Keys.</p>;
  }
  const snippet = installSnippet(window.location.origin, publicKey);
  return (
    <section className="settings-card" aria-labelledby="install-snippet-title">
      <h3 id="install-snippet-title">Install</h3>
      <p className="settings-muted">Paste this before &lt;/body&gt; on every page of your website.</p>
      <pre className="settings-code" data-testid="install-snippet">
        {snippet}
      </pre>
      <CopyButton text={snippet} label="Copy snippet" />
    </section>
  );
}
