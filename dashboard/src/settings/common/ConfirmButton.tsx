import { useState } from 'react';

/** A destructive action asked twice: the first click offers "confirm" and "cancel", the second acts. */
export function ConfirmButton(props: { label: string; confirmLabel: string; onConfirm: () => void; disabled?: boolean }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        className="settings-button settings-button--small settings-button--danger"
        disabled={props.disabled}
        onClick={() => setAsking(true)}
      >
        {props.label}
      </button>
    );
  }
  return (
    <span className="settings-row" role="group" aria-label={props.confirmLabel}>
      <button
        type="button"
        className="settings-button settings-button--small settings-button--danger"
        autoFocus
        disabled={props.disabled}
        onClick={() => {
          setAsking(false);
          props.onConfirm();
        }}
      >
        {props.confirmLabel}
      </button>
      <button type="button" className="settings-button settings-button--small" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
