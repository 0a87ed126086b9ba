import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSession } from '../../session/session';
import { settingsApi, settingsKeys, type MemberView, type Role } from '../api';
import { ConfirmButton } from '../common/ConfirmButton';
import { ErrorNotice } from '../common/ErrorNotice';
import { formatDate } from '../common/dates';
import { FieldMessages } from '../common/FieldMessages';
import { TableHead } from '../common/TableHead';
import { Permission } from '../permissions';
import { InviteForm } from './InviteForm';
import { invitableRoles, memberRights } from './rules';

type MemberChange = { agentId: string; body: { role?: Role; max_concurrent_chats?: number; accepting_chats?: boolean } };

/** Members with their roles and chat settings, invitations to send, and the ones still open. */
export function TeamPanel({ websiteId }: { websiteId: string }) {
  const session = useSession();
  const { can } = session;
  const queryClient = useQueryClient();
  const manageInvitations = can(Permission.manageInvitations);
  const members = useQuery({ queryKey: settingsKeys.members(websiteId), queryFn: () => settingsApi.members(websiteId) });
  const invitations = useQuery({
    queryKey: settingsKeys.invitations(websiteId),
    queryFn: () => settingsApi.invitations(websiteId),
    enabled: manageInvitations,
  });
  const refreshMembers = () => queryClient.invalidateQueries({ queryKey: settingsKeys.members(websiteId) });
  const update = useMutation({
    mutationFn: ({ agentId, body }: MemberChange) => settingsApi.updateMember(websiteId, agentId, body),
    onSuccess: () => refreshMembers(),
    onError: () => refreshMembers(),
  });
  const remove = useMutation({
    mutationFn: (agentId: string) => settingsApi.removeMember(websiteId, agentId),
    onSuccess: async (_, agentId) => {
      if (agentId === session.agent.id) await session.reloadWebsites();
      else await refreshMembers();
    },
  });
  const revoke = useMutation({
    mutationFn: (invitationId: string) => settingsApi.revokeInvitation(websiteId, invitationId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.invitations(websiteId) }),
  });
  const rights = { manageMembers: Permission.manageMembers, manageOwners: Permission.manageOwners };

  return (
    <div className="settings-section">
      {manageInvitations && (
        <section className="settings-card" aria-labelledby="invite-title">
          <h3 id="invite-title">Invite a teammate</h3>
          <InviteForm websiteId={websiteId} roles={invitableRoles(can, Permission.manageOwners)} />
        </section>
      )}

      <h3>Members</h3>
      {members.isPending && <p className="settings-muted">Loading members…</p>}
      <ErrorNotice error={members.error} />
      {members.data && (
        <table className="settings-table" data-testid="members">
          <TableHead columns={['Member', 'Role', 'Max chats', 'Accepting chats']} />
          <tbody>
            {members.data.map((member) => {
              const allowed = memberRights(member, session.agent.id, can, rights);
              const self = member.agent_id === session.agent.id;
              const ownSwitch = self && can(Permission.setOwnAvailability);
              return (
                <tr key={member.agent_id}>
                  <td>
                    <span className="settings-strong">{member.name}</span>
                    {self && <span className="settings-badge">you</span>}
                    <br />
                    <span className="settings-muted">{member.email}</span>
                  </td>
                  <td>
                    {allowed.changeRole ? (
                      <select
                        aria-label={`Role of ${member.name}`}
                        className="settings-input settings-input--short"
                        value={member.role}
                        disabled={update.isPending}
                        onChange={(event) => update.mutate({ agentId: member.agent_id, body: { role: event.target.value as Role } })}
                      >
                        {(allowed.roles.includes(member.role) ? allowed.roles : [member.role, ...allowed.roles]).map((role) => (
                          <option key={role} value={role}>
                            {role}
                          </option>
                        ))}
                      </select>
                    ) : (
                      member.role
                    )}
                  </td>
                  <td>
                    {allowed.changeSettings ? (
                      <MaxChatsInput member={member} onSave={(value) => update.mutate({ agentId: member.agent_id, body: { max_concurrent_chats: value } })} />
                    ) : (
                      member.max_concurrent_chats
                    )}
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${member.name} accepts chats`}
                      checked={member.accepting_chats}
                      disabled={!(allowed.changeSettings || ownSwitch) || update.isPending}
                      onChange={(event) => update.mutate({ agentId: member.agent_id, body: { accepting_chats: event.target.checked } })}
                    />
                  </td>
                  <td>
                    {allowed.remove && (
                      <ConfirmButton
                        label={self ? 'Leave' : 'Remove'}
                        confirmLabel={self ? 'Leave this website' : `Remove ${member.name}`}
                        disabled={remove.isPending}
                        onConfirm={() => remove.mutate(member.agent_id)}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <ErrorNotice error={update.error ?? remove.error} />

      {manageInvitations && (
        <>
          <h3>Pending invitations</h3>
          <ErrorNotice error={invitations.error} />
          {invitations.data?.length === 0 && <p className="settings-muted">No open invitations.</p>}
          {invitations.data && invitations.data.length > 0 && (
            <table className="settings-table" data-testid="invitations">
              <TableHead columns={['Email', 'Role', 'Expires']} />
              <tbody>
                {invitations.data.map((invitation) => (
                  <tr key={invitation.id}>
                    <td>{invitation.email}</td>
                    <td>{invitation.role}</td>
                    <td>{formatDate(invitation.expires_at)}</td>
                    <td>
                      {(invitation.role !== 'owner' || can(Permission.manageOwners)) && (
                        <button
                          type="button"
                          className="settings-button settings-button--small settings-button--danger"
                          disabled={revoke.isPending}
                          onClick={() => revoke.mutate(invitation.id)}
                        >
                          Revoke
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <ErrorNotice error={revoke.error} />
        </>
      )}
    </div>
  );
}

function MaxChatsInput({ member, onSave }: { member: MemberView; onSave: (value: number) => void }) {
  const [invalid, setInvalid] = useState(false);
  const id = `max-chats-${member.agent_id}`;
  const commit = (text: string) => {
    const value = Number(text);
    const valid = text !== '' && Number.isInteger(value) && value >= 0 && value <= 100;
    setInvalid(!valid);
    if (valid && value !== member.max_concurrent_chats) onSave(value);
  };
  return (
    <>
      <input
        key={member.max_concurrent_chats}
        type="number"
        min={0}
        max={100}
        aria-label={`Most chats at once for ${member.name}`}
        aria-invalid={invalid}
        aria-describedby={`${id}-errors`}
        className="settings-input settings-input--tiny"
        defaultValue={member.max_concurrent_chats}
        onBlur={(event) => commit(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(event.currentTarget.value);
        }}
      />
      <FieldMessages id={`${id}-errors`} errors={invalid ? [{ field: 'max_concurrent_chats', message: '0 to 100' }] : []} />
    </>
  );
}
