import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { settingsApi, settingsKeys, type InvitationView, type Role } from '../api';
import { ErrorNotice } from '../common/ErrorNotice';
import { errorsAt, fieldErrors, type FieldError } from '../common/errors';
import { FieldMessages } from '../common/FieldMessages';
import { OneTimeSecret } from '../common/OneTimeSecret';
import { isEmail } from './rules';

/** Invite an email with a role; the answer's link is shown once so it can be shared by hand. */
export function InviteForm({ websiteId, roles }: { websiteId: string; roles: Role[] }) {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [invalid, setInvalid] = useState<FieldError[]>([]);
  const [sent, setSent] = useState<InvitationView | null>(null);
  const invite = useMutation({
    mutationFn: () => settingsApi.invite(websiteId, email.trim(), role),
    onSuccess: (invitation) => {
      setSent(invitation);
      setEmail('');
      void queryClient.invalidateQueries({ queryKey: settingsKeys.invitations(websiteId) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors = isEmail(email.trim()) ? [] : [{ field: 'email', message: 'must be an email address' }];
    setInvalid(errors);
    if (errors.length === 0) invite.mutate();
  };
  const errors = invalid.length > 0 ? invalid : fieldErrors(invite.error);

  return (
    <form className="settings-form settings-form--inline" onSubmit={submit} noValidate aria-label="Invite a teammate">
      <div className="settings-row">
        <label className="settings-visually-hidden" htmlFor="invite-email">
          Email
        </label>
        <input
          id="invite-email"
          type="email"
          className="settings-input"
          placeholder="teammate@example.com"
          value={email}
          aria-invalid={errorsAt(errors, 'email').length > 0}
          aria-describedby="invite-email-errors"
          onChange={(event) => setEmail(event.target.value)}
        />
        <label className="settings-visually-hidden" htmlFor="invite-role">
          Role
        </label>
        <select id="invite-role" className="settings-input settings-input--short" value={role} onChange={(event) => setRole(event.target.value as Role)}>
          {roles.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
        <button type="submit" className="settings-button settings-button--primary" disabled={invite.isPending}>
          Invite
        </button>
      </div>
      <FieldMessages id="invite-email-errors" errors={[...errorsAt(errors, 'email'), ...errorsAt(errors, 'role')]} />
      {fieldErrors(invite.error).length === 0 && <ErrorNotice error={invite.error} />}
      {sent?.token && (
        <OneTimeSecret
          label={`Invitation link for ${sent.email}`}
          value={`${window.location.origin}/invitations/accept#token=${sent.token}`}
          onDismiss={() => setSent(null)}
        >
          <p className="settings-muted">Share this link with them to join; it works for their email only.</p>
        </OneTimeSecret>
      )}
    </form>
  );
}
