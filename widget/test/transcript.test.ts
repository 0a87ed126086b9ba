// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiFailure } from '../src/core/http';
import { en, TRANSCRIPT_TEXTS, type Texts } from '../src/i18n';
import de from '../src/lang/de.json';
import { Panel, type PanelActions } from '../src/ui/panel';
import { showTranscriptForm } from '../src/ui/transcript';

const actions = (): PanelActions => ({ send: vi.fn(), typing: vi.fn(), toggle: vi.fn(), sound: vi.fn(), rate: vi.fn(), transcript: vi.fn() });
const shadow = (panel: Panel) => panel.host.shadowRoot!;
const notice = (panel: Panel) => shadow(panel).querySelector('.notice') as HTMLElement;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the transcript button', () => {
  it('is a labelled button that asks the widget for the form, by click or keyboard', () => {
    const act = actions();
    const panel = new Panel(en, act);
    const button = panel._transcript;
    expect(button.tagName).toBe('BUTTON');
    expect(button.getAttribute('type')).toBe('button');
    expect(button.textContent).toBe('Email me the transcript');
    expect(button.hidden).toBe(true);
    button.click();
    expect(act.transcript).toHaveBeenCalledTimes(1);
    panel.texts(Object.assign({}, en, de) as Texts);
    expect(button.textContent).toBe('Verlauf per E-Mail erhalten');
  });
});

describe('showTranscriptForm', () => {
  let panel: Panel;
  beforeEach(() => {
    panel = new Panel(en, actions());
    document.body.append(panel.host);
  });

  it('prefills the known address and asks for the transcript in the widget language; then says it will come', async () => {
    const api = vi.fn(() => Promise.resolve({ status: 'pending' }));
    showTranscriptForm(panel, en, 'ada@example.com', 'de', api as never);
    const input = panel._form.querySelector('input')!;
    expect(panel._form.hidden).toBe(false);
    expect(panel._composer.hidden).toBe(true);
    expect(input.type).toBe('email');
    expect(input.value).toBe('ada@example.com');
    panel._form.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    expect(api).toHaveBeenCalledWith('POST', '/v1/widget/transcript-request', { email: 'ada@example.com', language: 'de' });
    expect(panel._form.hidden).toBe(true);
    expect(panel._composer.hidden).toBe(false);
    expect(notice(panel).textContent).toBe(TRANSCRIPT_TEXTS.transcriptPending);
  });

  it('says the transcript was sent when the conversation had ended, in the visitor\'s language', async () => {
    const german = Object.assign({}, en, de) as Texts;
    showTranscriptForm(panel, german, 'ada@example.com', 'de', (() => Promise.resolve({ status: 'sent' })) as never);
    panel._form.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    expect(notice(panel).textContent).toBe('Der Verlauf ist per E-Mail unterwegs.');
  });

  it('does not send an invalid address, and marks the field', () => {
    const api = vi.fn();
    showTranscriptForm(panel, en, '', 'en', api as never);
    const input = panel._form.querySelector('input')!;
    input.value = 'not an address';
    panel._form.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(api).not.toHaveBeenCalled();
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('shows a refusal inside the form as text, never as markup, and keeps the form', async () => {
    const api = () => Promise.reject(new ApiFailure(400, 'invalid_input', 'email: <img src=x onerror=alert(1)> is not valid'));
    showTranscriptForm(panel, en, 'ada@example.com', 'en', api as never);
    panel._form.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    const problem = panel._form.querySelector('[role=alert]')!;
    expect(problem.textContent).toBe('email: <img src=x onerror=alert(1)> is not valid');
    expect(panel._form.querySelector('img')).toBeNull();
    expect(panel._form.hidden).toBe(false);
    expect(panel._form.querySelector('input')!.getAttribute('aria-invalid')).toBe('true');
  });

  it('goes back to the composer on cancel', () => {
    showTranscriptForm(panel, en, 'ada@example.com', 'en', vi.fn() as never);
    const cancel = panel._form.querySelector('button[type=button]') as HTMLButtonElement;
    expect(cancel.textContent).toBe('Cancel');
    cancel.click();
    expect(panel._form.hidden).toBe(true);
    expect(panel._composer.hidden).toBe(false);
  });
});
