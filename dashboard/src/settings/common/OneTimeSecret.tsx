import type { ReactNode } from 'react';
import { CopyButton } from '../../ui/CopyButton';

/** A secret shown once: copy it now, then dismiss it for good. */
export function OneTimeSecret(props: { label: string; value: string; onDismiss: () => void; children?: ReactNode }) {
  return (
    <div className="settings-secret" role="status" aria-label={props.label}>
      <p className="settings-secret__title">{props.label}</p>
      <p className="settings-secret__warning">Copy it now: it is shown only this once and cannot be shown again.</p>
      <div className="settings-secret__row">
        <code className="settings-secret__value" data-testid="one-time-secret">
          {props.value}
        </code>
        <CopyButton text={props.value} />
      </div>
      {props.children}
      <button type="button" className="settings-button" onClick={props.onDismiss}>
        I have stored it
      </button>
    </div>
  );
}
