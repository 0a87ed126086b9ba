import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSession } from '../../session/session';
import { settingsApi, settingsKeys, type CannedResponseView } from '../api';
import { ConfirmButton } from '../common/ConfirmButton';
import { ErrorNotice } from '../common/ErrorNotice';
import { errorsAt, fieldErrors, type FieldError } from '../common/errors';
import { FieldMessages } from '../common/FieldMessages';
import { Permission } from '../permissions';
import { validateCannedResponse } from './validation';

/** Canned responses agents insert with `/shortcut` in the composer: list, create, edit, delete. */
export function CannedResponsesPanel({ websiteId }: { websiteId: string }) {
  const { can } = useSession();
  const manage = can(Permission.manageCannedResponses);
  const responses = useQuery({
    queryKey: settingsKeys.cannedResponses(websiteId),
    queryFn: () => settingsApi.cannedResponses(websiteId),
  });
  const [filter, setFilter] = useState('');
  const shown = (responses.data ?? []).filter((response) => response.shortcut.toLowerCase().startsWith(filter.toLowerCase()));

  return (
    <div className="settings-section">
      {manage && <CannedResponseEditor websiteId={websiteId} />}
      <label className="settings-label" htmlFor="canned-filter">
        Find by shortcut
      </label>
      <input id="canned-filter" className="settings-input settings-input--short" value={filter} onChange={(event) => setFilter(event.target.value)} />
      {responses.isPending && <p className="settings-muted">Loading canned responses…</p>}
      <ErrorNotice error={responses.error} />
      {responses.data?.length === 0 && <p className="settings-muted">No canned responses yet.</p>}
      <ul className="settings-list">
        {shown.map((response) => (
          <li key={response.id} className="settings-card">
            {manage ? (
              <CannedResponseEditor websiteId={websiteId} existing={response} />
            ) : (
              <>
                <code>/{response.shortcut}</code>
                <p className="settings-pre">{response.text}</p>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function CannedResponseEditor({ websiteId, existing }: { websiteId: string; existing?: CannedResponseView }) {
  const queryClient = useQueryClient();
  const [shortcut, setShortcut] = useState(existing?.shortcut ?? '');
  const [text, setText] = useState(existing?.text ?? '');
  const [invalid, setInvalid] = useState<FieldError[]>([]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: settingsKeys.cannedResponses(websiteId) });
  const save = useMutation({
    mutationFn: () =>
      existing
        ? settingsApi.updateCannedResponse(websiteId, existing.id, { shortcut, text })
        : settingsApi.createCannedResponse(websiteId, shortcut, text),
    onSuccess: () => {
      if (!existing) {
        setShortcut('');
        setText('');
      }
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => settingsApi.deleteCannedResponse(websiteId, existing!.id),
    onSuccess: () => refresh(),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors = validateCannedResponse(shortcut, text);
    setInvalid(errors);
    if (errors.length === 0) save.mutate();
  };
  const errors = invalid.length > 0 ? invalid : fieldErrors(save.error);
  const prefix = existing ? `canned-${existing.id}` : 'canned-new';

  return (
    <form className="settings-form" onSubmit={submit} noValidate aria-label={existing ? `Canned response /${existing.shortcut}` : 'New canned response'}>
      {!existing && <h3>New canned response</h3>}
      <label className="settings-label" htmlFor={`${prefix}-shortcut`}>
        Shortcut
      </label>
      <div className="settings-row">
        <span aria-hidden="true">/</span>
        <input
          id={`${prefix}-shortcut`}
          className="settings-input settings-input--short"
          value={shortcut}
          maxLength={50}
          aria-invalid={errorsAt(errors, 'shortcut').length > 0}
          aria-describedby={`${prefix}-shortcut-errors`}
          onChange={(event) => setShortcut(event.target.value)}
        />
      </div>
      <FieldMessages id={`${prefix}-shortcut-errors`} errors={errorsAt(errors, 'shortcut')} />
      <label className="settings-label" htmlFor={`${prefix}-text`}>
        Text
      </label>
      <textarea
        id={`${prefix}-text`}
        className="settings-input"
        rows={3}
        value={text}
        maxLength={5000}
        aria-invalid={errorsAt(errors, 'text').length > 0}
        aria-describedby={`${prefix}-text-errors`}
        onChange={(event) => setText(event.target.value)}
      />
      <FieldMessages id={`${prefix}-text-errors`} errors={errorsAt(errors, 'text')} />
      <div className="settings-actions">
        <button type="submit" className="settings-button settings-button--primary" disabled={save.isPending}>
          {existing ? 'Save' : 'Add'}
        </button>
        {existing && (
          <ConfirmButton label="Delete" confirmLabel={`Delete /${existing.shortcut}`} disabled={remove.isPending} onConfirm={() => remove.mutate()} />
        )}
      </div>
      {fieldErrors(save.error).length === 0 && <ErrorNotice error={save.error ?? remove.error} />}
    </form>
  );
}
