import { describeError } from '../api/client';
import type { Group, Member } from '../api/types';
import type { ConversationDetails, TagView } from '../inbox/types';
import { useSession } from '../session/session';
import { TagEditor } from './TagEditor';
import type { useConversationAction } from './useConversationAction';

/** Assign or transfer, resolve, close, reopen and tag, as the agent's role allows. */
export function ConversationActions(props: {
  conversation: ConversationDetails;
  members: Member[] | undefined;
  groups: Group[] | undefined;
  tags: TagView[] | undefined;
  action: ReturnType<typeof useConversationAction>;
}) {
  const { conversation: c, action } = props;
  const session = useSession();
  const me = session.agent.id;
  const ended = c.status === 'resolved' || c.status === 'closed';
  const mine = c.agent_id === me;
  const busy = action.isPending;
  const canClose = session.can('CLOSE_REOPEN') && (mine || session.can('ASSIGN_OTHERS'));

  return (
    <div className="actions" role="group" aria-label="Conversation actions">
      {!ended && !mine && session.can('ASSIGN_SELF') && (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => action.mutate({ kind: 'assign', agentId: me })}
          data-testid="assign-me"
          aria-keyshortcuts="a"
        >
          Assign to me
        </button>
      )}
      {!ended && session.can('ASSIGN_OTHERS') && (
        <label className="actions__assign">
          <span className="visually-hidden">Assign or transfer to</span>
          <select
            value=""
            disabled={busy}
            data-testid="assign-select"
            onChange={(e) => {
              const [kind, id] = e.target.value.split(':');
              if (kind === 'agent') action.mutate({ kind: 'assign', agentId: id });
              if (kind === 'group') action.mutate({ kind: 'assign', groupId: id });
            }}
          >
            <option value="">Assign to…</option>
            <optgroup label="Agents">
              {props.members
                ?.filter((m) => m.role.toLowerCase() !== 'viewer' && m.agent_id !== c.agent_id)
                .map((m) => (
                  <option key={m.agent_id} value={`agent:${m.agent_id}`}>
                    {m.agent_id === me ? `${m.name} (you)` : m.name}
                  </option>
                ))}
            </optgroup>
            <optgroup label="Groups (back to the queue)">
              {props.groups?.map((g) => (
                <option key={g.id} value={`group:${g.id}`}>
                  {g.name}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
      )}
      {!ended && canClose && (
        <>
          <button type="button" className="button" disabled={busy} onClick={() => action.mutate({ kind: 'resolve' })}>
            Resolve
          </button>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => action.mutate({ kind: 'close' })}
            data-testid="close"
            aria-keyshortcuts="c"
          >
            Close
          </button>
        </>
      )}
      {ended && session.can('CLOSE_REOPEN') && (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => action.mutate({ kind: 'reopen' })}
          data-testid="reopen"
        >
          Reopen
        </button>
      )}
      {session.can('TAG_CONVERSATIONS') && (
        <TagEditor
          current={c.tags}
          available={props.tags}
          disabled={busy}
          onChange={(tagIds) => action.mutate({ kind: 'tags', tagIds })}
        />
      )}
      {action.isError && (
        <p className="form-error" role="alert">
          {describeError(action.error)}
        </p>
      )}
    </div>
  );
}
