import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Website } from '../../api/types';
import { useSession } from '../../session/session';
import { settingsApi } from '../api';
import { ErrorNotice } from '../common/ErrorNotice';
import { errorsAt, fieldErrors, type FieldError } from '../common/errors';
import { SaveActions } from '../common/SaveActions';
import { SettingsField } from '../common/SettingsField';
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
      <SettingsField id="website-name" label="Name" errors={field('name')}>
        {(control) => (
          <input
            {...control}
            className="settings-input"
            value={draft.name}
            maxLength={200}
            disabled={!editable}
            onChange={(event) => setDraft({ ...draft, name: event.target.value })}
          />
        )}
      </SettingsField>

      <SettingsField id="website-domains" label="Domains" hint="one per line, e.g. example.com or *.example.com" errors={field('domains')}>
        {(control) => (
          <textarea
            {...control}
            className="settings-input"
            rows={4}
            value={draft.domains}
            disabled={!editable}
            onChange={(event) => setDraft({ ...draft, domains: event.target.value })}
          />
        )}
      </SettingsField>

      <SettingsField
        id="website-origins"
        label="Allowed origins"
        hint="one per line, e.g. https://www.example.com (no path)"
        errors={field('allowed_origins')}
      >
        {(control) => (
          <textarea
            {...control}
            className="settings-input"
            rows={4}
            value={draft.allowedOrigins}
            disabled={!editable}
            onChange={(event) => setDraft({ ...draft, allowedOrigins: event.target.value })}
          />
        )}
      </SettingsField>

      <SaveActions editable={editable} saving={save.isPending} saved={save.isSuccess} label="Save" what="website" />
      {fieldErrors(save.error).length === 0 && <ErrorNotice error={save.error} />}
    </form>
  );
}
