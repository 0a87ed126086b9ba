import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSession } from '../../session/session';
import { settingsApi, settingsKeys, type GroupView, type MemberView, type Routing } from '../api';
import { ConfirmButton } from '../common/ConfirmButton';
import { ErrorNotice } from '../common/ErrorNotice';
import { errorsAt, fieldErrors } from '../common/errors';
import { FieldMessages } from '../common/FieldMessages';
import { Permission } from '../permissions';

/** The routing modes, as the websites API describes them. */
export const ROUTINGS: { value: Routing; name: string; description: string }[] = [
  { value: 'round_robin', name: 'Round robin', description: 'members in turn' },
  { value: 'least_loaded', name: 'Least loaded', description: 'the accepting member with the fewest open chats' },
  { value: 'sticky', name: 'Sticky', description: 'the agent the visitor last talked to, else least loaded' },
];

/** Groups, how each routes new conversations, the default one, and who is in each. */
export function GroupsPanel({ websiteId }: { websiteId: string }) {
  const { can } = useSession();
  const manage = can(Permission.manageGroups);
  const groups = useQuery({ queryKey: settingsKeys.groups(websiteId), queryFn: () => settingsApi.groups(websiteId) });
  const members = useQuery({ queryKey: settingsKeys.members(websiteId), queryFn: () => settingsApi.members(websiteId) });

  return (
    <div className="settings-section">
      {manage && <CreateGroupForm websiteId={websiteId} />}
      {groups.isPending && <p className="settings-muted">Loading groups…</p>}
      <ErrorNotice error={groups.error ?? members.error} />
      {groups.data?.map((group) => (
        <GroupCard key={group.id} websiteId={websiteId} group={group} members={members.data ?? []} manage={manage} />
      ))}
    </div>
  );
}

function CreateGroupForm({ websiteId }: { websiteId: string }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [routing, setRouting] = useState<Routing>('round_robin');
  const [blank, setBlank] = useState(false);
  const create = useMutation({
    mutationFn: () => settingsApi.createGroup(websiteId, name.trim(), routing),
    onSuccess: () => {
      setName('');
      void queryClient.invalidateQueries({ queryKey: settingsKeys.groups(websiteId) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBlank(name.trim() === '');
    if (name.trim() !== '') create.mutate();
  };
  const errors = blank ? [{ field: 'name', message: 'must not be blank' }] : errorsAt(fieldErrors(create.error), 'name');
  return (
    <form className="settings-card settings-form" onSubmit={submit} noValidate aria-label="New group">
      <h3>New group</h3>
      <div className="settings-row">
        <label className="settings-visually-hidden" htmlFor="group-name">
          Group name
        </label>
        <input
          id="group-name"
          className="settings-input"
          placeholder="Group name"
          maxLength={200}
          value={name}
          aria-invalid={errors.length > 0}
          aria-describedby="group-name-errors"
          onChange={(event) => setName(event.target.value)}
        />
        <label className="settings-visually-hidden" htmlFor="group-routing">
          Routing
        </label>
        <select id="group-routing" className="settings-input settings-input--short" value={routing} onChange={(event) => setRouting(event.target.value as Routing)}>
          {ROUTINGS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.name}
            </option>
          ))}
        </select>
        <button type="submit" className="settings-button settings-button--primary" disabled={create.isPending}>
          Create
        </button>
      </div>
      <FieldMessages id="group-name-errors" errors={errors} />
      {fieldErrors(create.error).length === 0 && <ErrorNotice error={create.error} />}
    </form>
  );
}

function GroupCard(props: { websiteId: string; group: GroupView; members: MemberView[]; manage: boolean }) {
  const { websiteId, group, members, manage } = props;
  const queryClient = useQueryClient();
  const [name, setName] = useState(group.name);
  const refresh = () => queryClient.invalidateQueries({ queryKey: settingsKeys.groups(websiteId) });
  const update = useMutation({
    mutationFn: (body: { name?: string; routing?: Routing; is_default?: boolean }) => settingsApi.updateGroup(websiteId, group.id, body),
    onSettled: () => refresh(),
  });
  const membership = useMutation({
    mutationFn: ({ agentId, add }: { agentId: string; add: boolean }) =>
      add ? settingsApi.addGroupMember(websiteId, group.id, agentId) : settingsApi.removeGroupMember(websiteId, group.id, agentId),
    onSettled: () => refresh(),
  });
  const remove = useMutation({ mutationFn: () => settingsApi.deleteGroup(websiteId, group.id), onSuccess: () => refresh() });
  const rename = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() !== '' && name.trim() !== group.name) update.mutate({ name: name.trim() });
  };

  return (
    <section className="settings-card" aria-label={`Group ${group.name}`}>
      <div className="settings-row settings-row--spread">
        {manage ? (
          <form className="settings-row" onSubmit={rename} aria-label={`Rename ${group.name}`}>
            <label className="settings-visually-hidden" htmlFor={`group-${group.id}-name`}>
              Name
            </label>
            <input
              id={`group-${group.id}-name`}
              className="settings-input"
              value={name}
              maxLength={200}
              aria-invalid={name.trim() === ''}
              onChange={(event) => setName(event.target.value)}
            />
            <button type="submit" className="settings-button settings-button--small" disabled={name.trim() === '' || name.trim() === group.name}>
              Rename
            </button>
          </form>
        ) : (
          <h3>{group.name}</h3>
        )}
        {group.is_default ? (
          <span className="settings-badge">default</span>
        ) : (
          manage && (
            <span className="settings-row">
              <button type="button" className="settings-button settings-button--small" onClick={() => update.mutate({ is_default: true })}>
                Make default
              </button>
              <ConfirmButton label="Delete" confirmLabel={`Delete ${group.name}`} disabled={remove.isPending} onConfirm={() => remove.mutate()} />
            </span>
          )
        )}
      </div>
      <label className="settings-label" htmlFor={`group-${group.id}-routing`}>
        Routing
      </label>
      <select
        id={`group-${group.id}-routing`}
        className="settings-input"
        value={group.routing}
        disabled={!manage || update.isPending}
        onChange={(event) => update.mutate({ routing: event.target.value as Routing })}
      >
        {ROUTINGS.map((option) => (
          <option key={option.value} value={option.value}>
            {`${option.name}: ${option.description}`}
          </option>
        ))}
      </select>
      <fieldset className="settings-fieldset">
        <legend className="settings-label">Members</legend>
        {members.map((member) => (
          <label key={member.agent_id} className="settings-choice">
            <input
              type="checkbox"
              checked={group.member_agent_ids.includes(member.agent_id)}
              disabled={!manage || membership.isPending}
              onChange={(event) => membership.mutate({ agentId: member.agent_id, add: event.target.checked })}
            />
            {member.name}
          </label>
        ))}
      </fieldset>
      <ErrorNotice error={update.error ?? membership.error ?? remove.error} />
    </section>
  );
}
