import { useState, type FormEvent } from 'react';
import type { WebhookBody, WebhookView } from '../api';
import { ErrorNotice } from '../common/ErrorNotice';
import { errorsAt, fieldErrors, type FieldError } from '../common/errors';
import { FieldMessages } from '../common/FieldMessages';
import { SettingsField } from '../common/SettingsField';
import { EVENT_TYPES, EVERY_TYPE } from './eventTypes';

type Draft = { url: string; description: string; types: string[]; active: boolean };

/**
 * A webhook's URL, event types, description and (when editing) active flag. Sends the whole subscription for a new
 * one, and only what changed for an existing one; the API's refusals are shown beside the fields they name.
 */
export function WebhookForm(props: {
  id: string;
  label: string;
  submitLabel: string;
  existing?: WebhookView;
  pending: boolean;
  error: unknown;
  onSubmit: (body: WebhookBody) => void;
  onCancel?: () => void;
}) {
  const { existing } = props;
  const [draft, setDraft] = useState<Draft>(() => ({
    url: existing?.url ?? '',
    description: existing?.description ?? '',
    types: existing?.event_types ?? [],
    active: existing?.active ?? true,
  }));
  const [invalid, setInvalid] = useState<FieldError[]>([]);
  const every = draft.types.includes(EVERY_TYPE);
  const toggle = (type: string, on: boolean) =>
    setDraft({ ...draft, types: on ? [...draft.types, type] : draft.types.filter((chosen) => chosen !== type) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors = validate(draft);
    setInvalid(errors);
    if (errors.length === 0) props.onSubmit(body(draft, existing));
  };
  const errors = invalid.length > 0 ? invalid : fieldErrors(props.error);
  const typesErrorsId = `${props.id}-types-errors`;

  return (
    <form className="settings-form" onSubmit={submit} noValidate aria-label={props.label}>
      <SettingsField id={`${props.id}-url`} label="Endpoint URL" hint="https://, on a public address" errors={errorsAt(errors, 'url')}>
        {(control) => (
          <input
            {...control}
            type="url"
            className="settings-input"
            placeholder="https://example.com/zendo/webhooks"
            maxLength={2048}
            value={draft.url}
            onChange={(event) => setDraft({ ...draft, url: event.target.value })}
          />
        )}
      </SettingsField>
      <SettingsField id={`${props.id}-description`} label="Description" hint="optional" errors={errorsAt(errors, 'description')}>
        {(control) => (
          <input
            {...control}
            className="settings-input"
            maxLength={500}
            value={draft.description}
            onChange={(event) => setDraft({ ...draft, description: event.target.value })}
          />
        )}
      </SettingsField>
      <fieldset className="settings-fieldset" aria-describedby={typesErrorsId}>
        <legend className="settings-label">Events to send</legend>
        <label className="settings-choice settings-choice--block">
          <input type="checkbox" checked={every} onChange={(event) => toggle(EVERY_TYPE, event.target.checked)} />
          All events, also types added later
        </label>
        {EVENT_TYPES.map(({ type, explanation }) => (
          <label key={type} className="settings-choice settings-choice--block">
            <input type="checkbox" checked={every || draft.types.includes(type)} disabled={every} onChange={(event) => toggle(type, event.target.checked)} />
            <code>{type}</code>
            <span className="settings-hint">{explanation}</span>
          </label>
        ))}
        <FieldMessages id={typesErrorsId} errors={errorsAt(errors, 'event_types')} />
      </fieldset>
      {existing && (
        <label className="settings-choice">
          <input type="checkbox" checked={draft.active} onChange={(event) => setDraft({ ...draft, active: event.target.checked })} />
          Active: send events to this endpoint
        </label>
      )}
      <div className="settings-actions">
        <button type="submit" className="settings-button settings-button--primary" disabled={props.pending}>
          {props.pending ? 'Saving…' : props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" className="settings-button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
      {fieldErrors(props.error).length === 0 && <ErrorNotice error={props.error} />}
    </form>
  );
}

function validate(draft: Draft): FieldError[] {
  const errors: FieldError[] = [];
  const url = draft.url.trim();
  if (!url) errors.push({ field: 'url', message: 'Enter the URL Zendo posts events to.' });
  else if (!/^https?:\/\/[^/]/i.test(url)) errors.push({ field: 'url', message: 'Must be an absolute https:// URL.' });
  if (draft.types.length === 0) errors.push({ field: 'event_types', message: 'Choose at least one event type.' });
  return errors;
}

function body(draft: Draft, existing?: WebhookView): WebhookBody {
  const url = draft.url.trim();
  const description = draft.description.trim();
  const types = draft.types.includes(EVERY_TYPE) ? [EVERY_TYPE] : draft.types;
  if (!existing) return { url, event_types: types, ...(description ? { description } : {}) };
  const changes: WebhookBody = {};
  if (url !== existing.url) changes.url = url;
  if ([...types].sort().join() !== [...existing.event_types].sort().join()) changes.event_types = types;
  if (description !== (existing.description ?? '')) changes.description = description;
  if (draft.active !== existing.active) changes.active = draft.active;
  return changes;
}
