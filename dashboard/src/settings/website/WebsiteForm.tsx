import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Website } from '../../api/types';
import { useSession } from '../../session/session';
import { settingsApi } from '../api';
import { ErrorNotice } from '../common/ErrorNotice';
import { errorsAt, fieldErrors, type FieldError } from '../common/errors';
import { FieldMessages } from '../common/FieldMessages';
import { Permission } from '../permissions';
import { lines, validateWebsite, type WebsiteDraft } from './validation';

/** The website's name, domains and allowed origins; read-only for roles that may not change them. */
export function WebsiteForm({ website }: { website: Website }) {
  const { can, reloadWebsites } = useSession();
  const editable = can(Permission.updateWebsite);
  const [draft, setDraft] = useState<WebsiteDraft>(() => ({
    name: website.name,
    domains: website.domains.join('\n'),
    allowedOrigins: website.allowed_origins.join('\n'),
  }));
  const [invalid, setInvalid] = useState<FieldError[]>([]);
  const save = useMutation({
    mutationFn: (value: WebsiteDraft) =>
      settingsApi.updateWebsite(website.id, {
        name: value.name.trim(),
        domains: lines(value.domains),
        allowed_origins: lines(value.allowedOrigins),
      }),
    onSuccess: () => reloadWebsites(),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors = validateWebsite(draft);
    setInvalid(errors);
    if (errors.length === 0) save.mutate(draft);
  };
  const errors = invalid.length > 0 ? invalid : fieldErrors(save.error);
  const field = (path: string) => errorsAt(errors, path);

  return (
    <form className="settings-form" onSubmit={submit} noValidate aria-label="Website">
      <label className="settings-label" htmlFor="website-name">
        Name
      </label>
      <input
        id="website-name"
        className="settings-input"
        value={draft.name}
        maxLength={200}
        disabled={!editable}
        aria-invalid={field('name').length > 0}
        aria-describedby="website-name-errors"
        onChange={(event) => setDraft({ ...draft, name: event.target.value })}
      />
      <FieldMessages id="website-name-errors" errors={field('name')} />

      <label className="settings-label" htmlFor="website-domains">
        Domains <span className="settings-hint">one per line, e.g. example.com or *.example.com</span>
      </label>
      <textarea
        id="website-domains"
        className="settings-input"
        rows={4}
        value={draft.domains}
        disabled={!editable}
        aria-invalid={field('domains').length > 0}
        aria-describedby="website-domains-errors"
        onChange={(event) => setDraft({ ...draft, domains: event.target.value })}
      />
      <FieldMessages id="website-domains-errors" errors={field('domains')} />

      <label className="settings-label" htmlFor="website-origins">
        Allowed origins <span className="settings-hint">one per line, e.g. https://www.example.com (no path)</span>
      </label>
      <textarea
        id="website-origins"
        className="settings-input"
        rows={4}
        value={draft.allowedOrigins}
        disabled={!editable}
        aria-invalid={field('allowed_origins').length > 0}
        aria-describedby="website-origins-errors"
        onChange={(event) => setDraft({ ...draft, allowedOrigins: event.target.value })}
      />
      <FieldMessages id="website-origins-errors" errors={field('allowed_origins')} />

      {editable ? (
        <div className="settings-actions">
          <button type="submit" className="settings-button settings-button--primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save'}
          </button>
          {save.isSuccess && !save.isPending && <span role="status">Saved.</span>}
        </div>
      ) : (
        <p className="settings-muted">Only owners and admins change the website.</p>
      )}
      {fieldErrors(save.error).length === 0 && <ErrorNotice error={save.error} />}
    </form>
  );
}
