import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Website } from '../../api/types';
import { useSession } from '../../session/session';
import type { WidgetSettings } from '../../api/types';
import { settingsApi } from '../api';
import { ErrorNotice } from '../common/ErrorNotice';
import { errorsAt, fieldErrors, type FieldError } from '../common/errors';
import { FieldMessages } from '../common/FieldMessages';
import { SaveActions } from '../common/SaveActions';
import { SettingsField } from '../common/SettingsField';
import { Permission } from '../permissions';
import { BusinessHoursEditor } from './BusinessHoursEditor';
import { InstallSnippet } from './InstallSnippet';
import { PreChatFieldsEditor } from './PreChatFieldsEditor';
import { isColor, validateWidget } from './validation';
import { WidgetPreview } from './WidgetPreview';

/**
 * The widget's look and behaviour, previewed live as it is edited, and the install snippet. The settings are sent
 * back whole (the API replaces them), so settings this form does not know are kept as they came.
 */
export function WidgetSettingsForm({ website }: { website: Website }) {
  const { can, reloadWebsites } = useSession();
  const editable = can(Permission.updateWebsite);
  const [draft, setDraft] = useState<WidgetSettings>(() => structuredClone(website.widget));
  const [invalid, setInvalid] = useState<FieldError[]>([]);
  const save = useMutation({
    mutationFn: (widget: WidgetSettings) => settingsApi.updateWebsite(website.id, { widget }),
    onSuccess: () => reloadWebsites(),
  });

  const set = (changes: Partial<WidgetSettings>) => setDraft((current) => ({ ...current, ...changes }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors = validateWidget(draft);
    setInvalid(errors);
    if (errors.length === 0) save.mutate(draft);
  };
  const errors = invalid.length > 0 ? invalid : fieldErrors(save.error);
  const at = (path: string) => errorsAt(errors, `widget.${path}`);
  const sneakPeekKnown = 'sneak_peek' in website.widget;

  return (
    <div className="settings-widget">
      <form className="settings-form" onSubmit={submit} noValidate aria-label="Widget">
        <fieldset className="settings-fieldset" disabled={!editable}>
          <label className="settings-label" htmlFor="widget-color">
            Colour
          </label>
          <div className="settings-row">
            <input
              type="color"
              aria-label="Colour picker"
              value={draft.color && isColor(draft.color) && draft.color.length === 7 ? draft.color : '#1f6feb'}
              onChange={(event) => set({ color: event.target.value })}
            />
            <input
              id="widget-color"
              className="settings-input settings-input--short"
              value={draft.color ?? ''}
              aria-invalid={at('color').length > 0}
              aria-describedby="widget-color-errors"
              onChange={(event) => set({ color: event.target.value.trim() })}
            />
          </div>
          <FieldMessages id="widget-color-errors" errors={at('color')} />

          <span className="settings-label" id="widget-position-label">
            Position
          </span>
          <div className="settings-row" role="radiogroup" aria-labelledby="widget-position-label">
            {(['left', 'right'] as const).map((side) => (
              <label key={side} className="settings-choice">
                <input
                  type="radio"
                  name="widget-position"
                  value={side}
                  checked={(draft.position ?? 'right') === side}
                  onChange={() => set({ position: side })}
                />
                Bottom {side}
              </label>
            ))}
          </div>

          <SettingsField id="widget-greeting" label="Greeting" errors={at('greeting')}>
            {(control) => (
              <input {...control} className="settings-input" value={draft.greeting ?? ''} maxLength={500} onChange={(event) => set({ greeting: event.target.value })} />
            )}
          </SettingsField>

          <SettingsField id="widget-away" label="Away message" hint="shown with the message form when no one answers" errors={at('away_message')}>
            {(control) => (
              <textarea
                {...control}
                className="settings-input"
                rows={3}
                value={draft.away_message ?? ''}
                maxLength={500}
                onChange={(event) => set({ away_message: event.target.value })}
              />
            )}
          </SettingsField>

          <SettingsField id="widget-language" label="Language" hint="a BCP 47 tag such as en or pt-BR" errors={at('language')}>
            {(control) => (
              <input
                {...control}
                className="settings-input settings-input--short"
                value={draft.language ?? ''}
                onChange={(event) => set({ language: event.target.value.trim() })}
              />
            )}
          </SettingsField>

          <span className="settings-label">Business hours</span>
          <BusinessHoursEditor value={draft.business_hours} errors={errors} onChange={(business_hours) => set({ business_hours })} />

          <span className="settings-label">Pre-chat form</span>
          <PreChatFieldsEditor
            fields={draft.pre_chat_fields ?? []}
            errors={at('pre_chat_fields')}
            onChange={(pre_chat_fields) => set({ pre_chat_fields })}
          />

          <SettingsField id="widget-session-hours" label="Visitor session" hint="hours a visitor stays recognised, 1 to 168" errors={at('visitor_session_hours')}>
            {(control) => (
              <input
                {...control}
                type="number"
                min={1}
                max={168}
                className="settings-input settings-input--short"
                value={Number.isNaN(draft.visitor_session_hours) ? '' : (draft.visitor_session_hours ?? 24)}
                onChange={(event) => set({ visitor_session_hours: event.target.value === '' ? NaN : Number(event.target.value) })}
              />
            )}
          </SettingsField>

          {sneakPeekKnown && (
            <label className="settings-choice settings-choice--block">
              <input
                type="checkbox"
                checked={draft.sneak_peek === true}
                onChange={(event) => set({ sneak_peek: event.target.checked })}
              />
              Sneak peek: agents see what a visitor types before it is sent
            </label>
          )}
        </fieldset>
        <SaveActions editable={editable} saving={save.isPending} saved={save.isSuccess} label="Save widget" what="widget" />
        {errors.length > 0 && invalid.length === 0 && unplaced(errors).length > 0 && (
          <FieldMessages id="widget-other-errors" errors={unplaced(errors)} />
        )}
        {fieldErrors(save.error).length === 0 && <ErrorNotice error={save.error} />}
      </form>
      <div className="settings-widget__side">
        <WidgetPreview settings={draft} />
        <InstallSnippet publicKey={website.public_key} />
      </div>
    </div>
  );
}

const PLACED = ['color', 'position', 'greeting', 'away_message', 'language', 'business_hours', 'pre_chat_fields', 'visitor_session_hours'];

function unplaced(errors: FieldError[]): FieldError[] {
  return errors.filter((error) => !PLACED.some((field) => errorsAt([error], `widget.${field}`).length > 0));
}
