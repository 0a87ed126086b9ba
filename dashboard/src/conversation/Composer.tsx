import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { describeError } from '../api/client';
import type { CannedResponse } from '../api/types';
import { useCannedResponses } from '../inbox/queries';
import { useRealtime } from '../realtime/RealtimeProvider';
import { CannedPicker } from './CannedPicker';
import { loadDraft, saveDraft, type Draft } from './drafts';

const TYPING_REPEAT_MS = 2_000;
const TYPING_IDLE_MS = 4_000;

/** The `/shortcut` being typed at the start of the composer, or null. */
export function cannedPrefix(text: string): string | null {
  const match = /^\/([\p{L}\p{N}_-]{0,50})$/u.exec(text);
  return match ? match[1] : null;
}

/**
 * Writes replies and internal notes: Enter sends, Shift+Enter breaks the line, `/` at the start picks a canned
 * response. Keeps the conversation's draft, and tells the visitor when the agent is typing a reply.
 */
export function Composer(props: {
  websiteId: string;
  conversationId: string;
  canReply: boolean;
  canNote: boolean;
  send(body: string, note: boolean): Promise<void>;
}) {
  const { conversationId } = props;
  const realtime = useRealtime();
  const [draft, setDraftState] = useState<Draft>(() => {
    const saved = loadDraft(conversationId);
    return { ...saved, note: saved.note ? props.canNote : !props.canReply && props.canNote };
  });
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const typingSince = useRef(0);
  const idleTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);

  const prefix = cannedPrefix(draft.text);
  const pickerOpen = prefix !== null && dismissed !== draft.text;
  const canned = useCannedResponses(props.websiteId, prefix ?? '', pickerOpen);
  const responses = canned.data;

  const setDraft = (next: Draft) => {
    setDraftState(next);
    saveDraft(conversationId, next);
  };

  const stopTyping = () => {
    if (idleTimer.current) clearTimeout(idleTimer.current);
    idleTimer.current = null;
    if (typingSince.current) {
      typingSince.current = 0;
      realtime.send({ type: 'typing', conversation_id: conversationId, typing: false });
    }
  };

  const typed = (note: boolean) => {
    if (note) return stopTyping();
    const now = Date.now();
    if (now - typingSince.current > TYPING_REPEAT_MS) {
      if (realtime.send({ type: 'typing', conversation_id: conversationId, typing: true })) typingSince.current = now;
    }
    if (idleTimer.current) clearTimeout(idleTimer.current);
    idleTimer.current = setTimeout(stopTyping, TYPING_IDLE_MS);
  };

  const stopOnLeave = useRef(stopTyping);
  stopOnLeave.current = stopTyping;
  useEffect(() => () => stopOnLeave.current(), []);

  useEffect(() => setActive(0), [prefix]);

  const pick = (response: CannedResponse) => {
    setDraft({ ...draft, text: response.text });
    textarea.current?.focus();
  };

  const submit = async () => {
    const body = draft.text.trim();
    if (!body) return;
    const note = draft.note;
    setError(null);
    stopTyping();
    setDraft({ text: '', note });
    try {
      await props.send(body, note);
    } catch (e) {
      setError(describeError(e));
      setDraft({ text: body, note });
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (pickerOpen && responses?.length) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((active + step + responses.length) % responses.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        pick(responses[Math.min(active, responses.length - 1)]);
        return;
      }
    }
    if (pickerOpen && event.key === 'Escape') {
      event.preventDefault();
      setDismissed(draft.text);
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  };

  if (!props.canReply && !props.canNote) {
    return <p className="composer composer--readonly muted">Your role can read this conversation but not write in it.</p>;
  }
  const pickerId = `canned-${conversationId}`;
  return (
    <form
      className={`composer${draft.note ? ' composer--note' : ''}`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="composer__modes" role="radiogroup" aria-label="Write">
        {props.canReply && (
          <label className={`composer__mode${!draft.note ? ' composer__mode--on' : ''}`}>
            <input
              type="radio"
              name={`mode-${conversationId}`}
              checked={!draft.note}
              onChange={() => setDraft({ ...draft, note: false })}
            />
            Reply
          </label>
        )}
        {props.canNote && (
          <label className={`composer__mode${draft.note ? ' composer__mode--on' : ''}`}>
            <input
              type="radio"
              name={`mode-${conversationId}`}
              checked={draft.note}
              onChange={() => {
                stopTyping();
                setDraft({ ...draft, note: true });
              }}
              data-testid="note-mode"
            />
            Internal note
          </label>
        )}
      </div>
      {pickerOpen && (
        <CannedPicker
          id={pickerId}
          responses={responses}
          loading={canned.isPending}
          error={canned.isError}
          active={active}
          onPick={pick}
        />
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="composer__row">
        <label className="visually-hidden" htmlFor={`composer-${conversationId}`}>
          {draft.note ? 'Internal note (only agents see it)' : 'Reply to the visitor'}
        </label>
        <textarea
          id={`composer-${conversationId}`}
          ref={textarea}
          className="composer__input"
          rows={3}
          value={draft.text}
          placeholder={draft.note ? 'Internal note: only agents see it' : 'Reply… (type / for canned responses)'}
          onChange={(e) => {
            setDraft({ ...draft, text: e.target.value });
            typed(draft.note);
          }}
          onBlur={stopTyping}
          onKeyDown={onKeyDown}
          aria-autocomplete="list"
          aria-controls={pickerOpen ? pickerId : undefined}
          aria-activedescendant={pickerOpen && responses?.length ? `${pickerId}-${active}` : undefined}
          data-testid="composer"
        />
        <button type="submit" className="button button--primary" disabled={!draft.text.trim()}>
          {draft.note ? 'Add note' : 'Send'}
        </button>
      </div>
    </form>
  );
}
