import { TRANSCRIPT_TEXTS, type Texts } from '../i18n';
import { guard } from '../log';
import { el } from './dom';
import { showForm } from './forms';
import type { Panel } from './panel';

/** The address this page last asked a transcript for, offered again before the one the visitor gave elsewhere. */
let asked = '';

/** Calls the widget API with the visitor's token. */
export type WidgetApi = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/**
 * The "Email me the transcript" form instead of the composer: one email field, prefilled with the address the visitor
 * asked a transcript for before on this page, else the one it gave, a send and a cancel button; sending asks for the transcript in the widget's `language`. Success hides it and says when the mail comes; a refusal is shown in the
 * form, as text, and the field keeps its value.
 */
export function showTranscriptForm(panel: Panel, t: Texts, email: string, language: string, api: WidgetApi): void {
  const words = Object.assign({}, TRANSCRIPT_TEXTS, t);
  const form = panel._form;
  const problem = el('p', { class: 'problem', role: 'alert' });
  showForm(panel, t.transcript, [{ name: 'email', label: t.email, type: 'email', required: true }], t.send, (values) => {
    problem.textContent = '';
    api<{ status: string }>('POST', '/v1/widget/transcript-request', { email: values.email, language }).then(
      guard((answer: { status: string }) => {
        asked = values.email;
        panel.hideForm();
        panel.setNotice(answer.status === 'sent' ? words.transcriptSent : words.transcriptPending);
      }),
      guard((failure: Error) => {
        problem.textContent = failure.message || t.error;
        input.setAttribute('aria-invalid', 'true');
        input.focus();
      }),
    );
  });
  const input = form.querySelector('input') as HTMLInputElement;
  input.value = asked || email;
  input.autocomplete = 'email';
  const cancel = el('button', { type: 'button', class: 'cancel' }, [words.cancel]);
  cancel.onclick = guard(() => panel.hideForm());
  form.append(problem, cancel);
}
