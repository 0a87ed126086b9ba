import type { ReactElement } from 'react';

/** A labelled form field with its error message. */
export function Field(props: { label: string; error?: string; hint?: string; children: ReactElement }) {
  return (
    <label className="field">
      <span className="field__label">{props.label}</span>
      {props.children}
      {props.hint && <span className="field__hint">{props.hint}</span>}
      {props.error && (
        <span className="field__error" role="alert">
          {props.error}
        </span>
      )}
    </label>
  );
}
