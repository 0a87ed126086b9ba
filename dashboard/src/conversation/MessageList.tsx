import { useLayoutEffect, useRef, useState } from 'react';
import type { Member } from '../api/types';
import type { MessageView, VisitorSummary } from '../inbox/types';
import { fullTime, shortTime } from '../ui/format';
import { Linkified } from '../ui/Linkified';

/** Who wrote a message, as agents should read it. */
export function authorName(message: MessageView, visitor: VisitorSummary, members: Member[] | undefined, me: string): string {
  switch (message.author.kind) {
    case 'visitor':
      return visitor.name || visitor.label;
    case 'agent':
      if (message.author.id === me) return 'You';
      return members?.find((m) => m.agent_id === message.author.id)?.name || message.author.name || 'Agent';
    case 'bot':
      return message.author.name || 'Bot';
    default:
      return 'System';
  }
}

/** The messages of a conversation: bubbles with author and time, notes set apart, system events as lines. */
export function MessageList(props: {
  messages: MessageView[];
  visitor: VisitorSummary;
  members: Member[] | undefined;
  me: string;
  hasMore: boolean;
  onLoadEarlier(): Promise<void>;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const [loading, setLoading] = useState(false);
  const last = props.messages[props.messages.length - 1];

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [last?.seq, last?.id, props.messages.length]);

  return (
    <div
      className="messages"
      ref={scroller}
      onScroll={(e) => {
        const el = e.currentTarget;
        stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
      }}
      role="log"
      aria-label="Messages"
      aria-live="polite"
      tabIndex={0}
      data-testid="messages"
    >
      {props.hasMore && (
        <button
          type="button"
          className="button button--quiet messages__more"
          disabled={loading}
          onClick={() => {
            setLoading(true);
            stick.current = false;
            void props.onLoadEarlier().finally(() => setLoading(false));
          }}
        >
          Load earlier messages
        </button>
      )}
      {props.messages.map((m) => {
        if (m.kind === 'system') {
          return (
            <p key={m.seq || m.client_msg_id || m.id} className="msg-system" data-testid="system-line">
              <Linkified text={m.body} /> · <time dateTime={m.created_at}>{shortTime(m.created_at)}</time>
            </p>
          );
        }
        const fromVisitor = m.author.kind === 'visitor';
        const pending = m.seq <= 0;
        return (
          <article
            key={m.seq > 0 ? m.seq : m.client_msg_id || m.id}
            className={`msg ${fromVisitor ? 'msg--in' : 'msg--out'}${m.kind === 'note' ? ' msg--note' : ''}${pending ? ' msg--pending' : ''}`}
            data-testid={m.kind === 'note' ? 'note' : 'message'}
            data-seq={m.seq}
          >
            <header className="msg__meta">
              <span className="msg__author">{authorName(m, props.visitor, props.members, props.me)}</span>
              {m.kind === 'note' && <span className="msg__badge">Internal note</span>}
              <time dateTime={m.created_at} title={fullTime(m.created_at)}>
                {pending ? 'Sending…' : shortTime(m.created_at)}
              </time>
            </header>
            <div className="msg__body">
              <Linkified text={m.body} />
            </div>
          </article>
        );
      })}
    </div>
  );
}
