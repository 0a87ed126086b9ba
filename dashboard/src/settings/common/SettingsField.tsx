import type { ReactNode } from 'react';
import type { FieldError } from './errors';
import { FieldMessages } from './FieldMessages';

/** What a field's control carries to be named by its label and described by its messages. */
export type FieldControl = { id: string; 'aria-invalid': boolean; 'aria-describedby': string };

/** A settings form field: its label (with an optional hint), the control `children` renders, and its messages. */
export function SettingsField(props: { id: string; label: string; hint?: string; errors: FieldError[]; children: (control: FieldControl) => ReactNode }) {
  const messagesId = `${props.id}-errors`;
  return (
    <>
      <label className="settings-label" htmlFor={props.id}>
        {props.label}
        {props.hint && (
          <>
            {' '}
            <span className="settings-hint">{props.hint}</span>
          </>
        )}
      </label>
      {props.children({ id: props.id, 'aria-invalid': props.errors.length > 0, 'aria-describedby': messagesId })}
      <FieldMessages id={messagesId} errors={props.errors} />
    </>
  );
}
