import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { settingsApi, settingsKeys, type NotificationPreferences } from '../api';
import { ErrorNotice } from '../common/ErrorNotice';
import { SaveActions } from '../common/SaveActions';
import { kindText } from './kinds';

/** The caller's own optional mails about the website: one switch per kind the API offers, saved together. */
export function NotificationPreferencesPanel({ websiteId }: { websiteId: string }) {
  const preferences = useQuery({
    queryKey: settingsKeys.notificationPreferences(websiteId),
    queryFn: () => settingsApi.notificationPreferences(websiteId),
  });
  return (
    <div className="settings-section">
      <p className="settings-muted">
        Mails about your account and invitations always go. These are off until you turn them on, and every one of them
        carries a link to turn it off again.
      </p>
      {preferences.isPending && <p className="settings-muted">Loading your preferences…</p>}
      <ErrorNotice error={preferences.error} />
      {preferences.data && <PreferencesForm websiteId={websiteId} stored={preferences.data} />}
    </div>
  );
}

function PreferencesForm({ websiteId, stored }: { websiteId: string; stored: NotificationPreferences }) {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState(() => ({ ...stored.email }));
  const save = useMutation({
    mutationFn: () => settingsApi.putNotificationPreferences(websiteId, { email }),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKeys.notificationPreferences(websiteId), saved);
      setEmail({ ...saved.email });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const change = (kind: string, on: boolean) => {
    save.reset();
    setEmail({ ...email, [kind]: on });
  };

  return (
    <form className="settings-form" onSubmit={submit} aria-label="My email notifications">
      <fieldset className="settings-fieldset" disabled={save.isPending}>
        <legend className="settings-label">Email me about this website</legend>
        {Object.keys(email).map((kind) => {
          const text = kindText(kind);
          const hintId = `notify-${kind}-hint`;
          return (
            <div key={kind} className="settings-choice--block settings-toggle">
              <label className="settings-choice">
                <input
                  type="checkbox"
                  name={kind}
                  checked={email[kind]}
                  aria-describedby={hintId}
                  onChange={(event) => change(kind, event.target.checked)}
                />
                {text.label}
              </label>
              <span className="settings-hint" id={hintId}>
                {text.explanation}
              </span>
            </div>
          );
        })}
      </fieldset>
      <SaveActions editable saving={save.isPending} saved={save.isSuccess} label="Save preferences" what="preferences" />
      <ErrorNotice error={save.error} />
    </form>
  );
}
