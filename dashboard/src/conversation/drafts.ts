/** What an agent is writing in one conversation. */
export interface Draft {
  text: string;
  note: boolean;
}

const PREFIX = 'zendo.draft.';
const EMPTY: Draft = { text: '', note: false };

/** The draft of a conversation, kept in sessionStorage so switching conversations (or reloading) keeps it. */
export function loadDraft(conversationId: string): Draft {
  try {
    const raw = sessionStorage.getItem(PREFIX + conversationId);
    if (!raw) return EMPTY;
    const parsed = JSON.parse(raw) as Partial<Draft>;
    return { text: typeof parsed.text === 'string' ? parsed.text : '', note: parsed.note === true };
  } catch {
    return EMPTY;
  }
}

export function saveDraft(conversationId: string, draft: Draft): void {
  try {
    if (!draft.text && !draft.note) sessionStorage.removeItem(PREFIX + conversationId);
    else sessionStorage.setItem(PREFIX + conversationId, JSON.stringify(draft));
  } catch {
    // A full or disabled storage only costs the draft on reload.
  }
}
