import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type MutableRefObject } from 'react';
import { fetchEarlier, useConversation, useGroups, useMembers, useMessages, useTags } from '../inbox/queries';
import { useFocusedConversation } from '../realtime/LiveProvider';
import { keys, mergeMessages, type MessageList } from '../realtime/liveCache';
import { useSession } from '../session/session';
import { ErrorPanel } from '../ui/ErrorPanel';
import { TagChips } from '../inbox/TagChips';
import { Composer } from './Composer';
import { ConversationActions } from './ConversationActions';
import { MessageList as Messages } from './MessageList';
import { TypingIndicator } from './TypingIndicator';
import { useConversationAction } from './useConversationAction';
import { useReadState } from './useReadState';
import { useSendMessage } from './useSendMessage';
import { VisitorPanel } from './VisitorPanel';

/** What the inbox's keyboard shortcuts can do to the open conversation. */
export interface PaneActions {
  assignToMe(): void;
  close(): void;
}

const STATUS_LABELS = { pending: 'Waiting', active: 'Active', resolved: 'Resolved', closed: 'Closed' } as const;

/** One conversation: header with actions, messages, typing, composer, and the visitor panel. */
export function ConversationPane(props: { conversationId: string; actionsRef: MutableRefObject<PaneActions | null> }) {
  const { conversationId, actionsRef } = props;
  const session = useSession();
  const websiteId = session.website!.id;
  const me = session.agent.id;
  const queryClient = useQueryClient();
  const details = useConversation(websiteId, conversationId);
  const messages = useMessages(websiteId, conversationId);
  const members = useMembers(websiteId);
  const groups = useGroups(websiteId);
  const tags = useTags(websiteId);
  const action = useConversationAction(websiteId, conversationId);
  const send = useSendMessage(websiteId, conversationId, me);
  useFocusedConversation(conversationId);

  const list = messages.data?.messages ?? [];
  const latestSeq = list.reduce((max, m) => Math.max(max, m.seq), 0);
  useReadState(websiteId, conversationId, latestSeq, details.data?.unread_count ?? 0);

  const c = details.data;
  useEffect(() => {
    if (!c) return;
    const ended = c.status === 'resolved' || c.status === 'closed';
    actionsRef.current = {
      assignToMe: () => {
        if (!ended && c.agent_id !== me && session.can('ASSIGN_SELF')) action.mutate({ kind: 'assign', agentId: me });
      },
      close: () => {
        if (!ended && session.can('CLOSE_REOPEN')) action.mutate({ kind: 'close' });
      },
    };
    return () => {
      actionsRef.current = null;
    };
  }, [c, me, session, action, actionsRef]);

  if (details.isError) return <ErrorPanel error={details.error} retry={() => void details.refetch()} />;
  if (!c) return <p className="muted pad">Loading conversation…</p>;

  const loadEarlier = async () => {
    const first = list.find((m) => m.seq > 0)?.seq;
    if (!first) return;
    const page = await fetchEarlier(websiteId, conversationId, first);
    queryClient.setQueryData<MessageList>(keys.messages(websiteId, conversationId), (cached) =>
      cached ? { messages: mergeMessages(cached.messages, page.messages), hasMore: page.has_more } : cached,
    );
  };
  const assignee = c.agent_id ? members.data?.find((m) => m.agent_id === c.agent_id)?.name ?? 'an agent' : null;
  const ended = c.status === 'resolved' || c.status === 'closed';

  return (
    <div className="conversation" data-testid="conversation" data-status={c.status}>
      <section className="conversation__main" aria-labelledby={`conv-title-${c.id}`}>
        <header className="conversation__head">
          <div>
            <h1 id={`conv-title-${c.id}`} className="conversation__title">
              {c.visitor.name || c.visitor.label}
            </h1>
            <p className="conversation__sub">
              <span className={`status status--${c.status}`} data-testid="conversation-status">
                {STATUS_LABELS[c.status]}
              </span>
              {' · '}
              <span data-testid="assignee">
                {c.agent_id === me ? 'Assigned to you' : assignee ? `Assigned to ${assignee}` : 'Unassigned'}
              </span>
              {c.tags.length > 0 && <TagChips tags={c.tags} />}
            </p>
          </div>
          <ConversationActions
            conversation={c}
            members={members.data}
            groups={groups.data}
            tags={tags.data}
            action={action}
          />
        </header>
        {messages.isError ? (
          <ErrorPanel error={messages.error} retry={() => void messages.refetch()} />
        ) : (
          <Messages
            messages={list}
            visitor={c.visitor}
            members={members.data}
            me={me}
            hasMore={messages.data?.hasMore ?? false}
            onLoadEarlier={loadEarlier}
          />
        )}
        <TypingIndicator conversationId={conversationId} visitor={c.visitor} members={members.data} />
        {ended ? (
          <p className="composer composer--readonly muted">
            This conversation is {c.status}. Reopen it to reply.
          </p>
        ) : (
          <Composer
            websiteId={websiteId}
            conversationId={conversationId}
            canReply={session.can('REPLY')}
            canNote={session.can('WRITE_NOTES')}
            send={send}
          />
        )}
      </section>
      <VisitorPanel conversation={c} />
    </div>
  );
}
