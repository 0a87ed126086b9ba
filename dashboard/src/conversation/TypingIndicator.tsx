import { useEffect, useState } from 'react';
import type { Member } from '../api/types';
import type { VisitorSummary } from '../inbox/types';
import { useEphemeral } from '../realtime/LiveProvider';

/** "… is typing", with the visitor's draft when the website shares it (sneak peek). */
export function TypingIndicator(props: { conversationId: string; visitor: VisitorSummary; members: Member[] | undefined }) {
  const ephemeral = useEphemeral();
  const typing = ephemeral.typingIn(props.conversationId);
  const [, tick] = useState(0);
  const nextExpiry = typing.reduce((min, t) => Math.min(min, t.until), Infinity);

  useEffect(() => {
    if (nextExpiry === Infinity) return;
    const timer = setTimeout(() => tick((n) => n + 1), Math.max(0, nextExpiry - Date.now()) + 50);
    return () => clearTimeout(timer);
  }, [nextExpiry]);

  if (typing.length === 0) return <div className="typing" aria-live="polite" />;
  return (
    <div className="typing" aria-live="polite" data-testid="typing">
      {typing.map((t) => {
        const name =
          t.who.kind === 'visitor'
            ? props.visitor.name || props.visitor.label
            : props.members?.find((m) => m.agent_id === t.who.id)?.name || 'A teammate';
        return (
          <p key={`${t.who.kind}:${t.who.id}`} className="typing__line">
            <span>{name} is typing…</span>
            {t.preview && (
              <span className="typing__peek" data-testid="sneak-peek">
                {t.preview}
              </span>
            )}
          </p>
        );
      })}
    </div>
  );
}
