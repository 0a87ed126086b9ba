import { readableTextColor } from '../color';
import { fill, type Texts } from '../i18n';
import type { Message } from '../core/types';
import type { Pending } from '../core/outbox';
import { guard } from '../log';
import { adoptStyles, el, icon, linkify } from './dom';
import { STYLES } from './styles';

const CHAT_ICON = 'M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z';
const CLOSE_ICON = 'M6 6l12 12M18 6L6 18';
const SEND_ICON = 'M4 12l16-8-6 16-2-7z';
const SOUND_ICON = 'M4 9v6h4l5 4V5L8 9zM16 9a4 4 0 0 1 0 6';

/** What the panel asks of the widget. */
export interface PanelActions {
  send(body: string): void;
  typing(draft: string): void;
  toggle(open: boolean): void;
  sound(on: boolean): void;
  rate(stars: number): void;
  transcript(): void;
}

/** A message row: stored, or still in the outbox. */
type Row = { key: string; author: string; who: string; body: string; meta: string; state: string };

/** The launcher, the panel and everything in them, inside a Shadow DOM root; all user text goes in as text nodes. */
export class Panel {
  readonly host: HTMLElement;
  private readonly _root: HTMLElement;
  private readonly _panel: HTMLElement;
  private readonly _launcher: HTMLButtonElement;
  private readonly _badge: HTMLElement;
  private readonly _avatar: HTMLElement;
  private readonly _initial: HTMLElement;
  private readonly _image: HTMLImageElement;
  private _imageSrc = '';
  private readonly _failedImages: Record<string, 1> = {};
  private readonly _title: HTMLElement;
  private readonly _status: HTMLElement;
  private readonly _soundButton: HTMLButtonElement;
  private readonly _closeButton: HTMLButtonElement;
  private readonly _log: HTMLElement;
  private readonly _notice: HTMLElement;
  readonly _rating: HTMLElement;
  readonly _form: HTMLFormElement;
  readonly _composer: HTMLFormElement;
  /** "Email me the transcript", under the composer; shown once the visitor has a conversation. */
  readonly _transcript: HTMLButtonElement;
  private readonly _input: HTMLTextAreaElement;
  private readonly _live: HTMLElement;
  private _rows: Record<string, HTMLElement> = {};
  private _t: Texts;

  constructor(texts: Texts, private readonly _actions: PanelActions) {
    this._t = texts;
    this.host = document.createElement('zendo-widget');
    const shadow = this.host.attachShadow({ mode: 'open' });
    adoptStyles(shadow, STYLES);

    this._initial = el('span');
    this._image = el('img', { alt: '', referrerpolicy: 'no-referrer' });
    this._image.hidden = true;
    this._image.onload = () => (this._image.hidden = false);
    this._image.onerror = () => {
      if (this._imageSrc) this._failedImages[this._imageSrc] = 1;
      this._image.hidden = true;
    };
    this._avatar = el('span', { class: 'avatar', 'aria-hidden': 'true' }, [this._initial, this._image]);
    this._title = el('p', { class: 'title', id: 'zendo-title' });
    this._status = el('p', { class: 'status' });
    this._soundButton = el('button', { type: 'button', class: 'icon sound', 'aria-pressed': 'false' }, [icon('', SOUND_ICON)]);
    this._closeButton = el('button', { type: 'button', class: 'icon close' }, [icon('', CLOSE_ICON)]);
    this._log = el('ol', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', tabindex: '0' });
    this._notice = el('p', { class: 'notice', role: 'status' });
    this._rating = el('div', { class: 'rating' });
    this._form = el('form', { class: 'form', novalidate: '' });
    this._input = el('textarea', { rows: '1', maxlength: '10000' });
    this._composer = el('form', { class: 'composer' }, [
      this._input,
      el('button', { type: 'submit', class: 'primary send' }, [icon('', SEND_ICON)]),
    ]);
    this._transcript = el('button', { type: 'button', class: 'meta' });
    this._panel = el('section', { id: 'zendo-panel', class: 'panel', role: 'dialog', 'aria-labelledby': 'zendo-title' }, [
      el('header', { class: 'header' }, [
        this._avatar,
        el('div', { class: 'titles' }, [this._title, this._status]),
        this._soundButton,
        this._closeButton,
      ]),
      this._log,
      this._notice,
      this._rating,
      this._form,
      this._composer,
      this._transcript,
    ]);
    this._badge = el('span', { class: 'badge', 'aria-hidden': 'true' });
    this._launcher = el('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'zendo-panel' }, [
      icon('icon-chat', CHAT_ICON),
      icon('icon-close', CLOSE_ICON),
      this._badge,
    ]);
    this._live = el('div', { class: 'sr', role: 'status', 'aria-live': 'polite' });
    this._root = el('div', { class: 'zendo' }, [this._panel, this._launcher, this._live]);
    shadow.append(this._root);
    [this._panel, this._badge, this._notice, this._rating, this._form, this._transcript].forEach((n) => (n.hidden = true));
    this.texts(texts);
    this._wire();
  }

  /** Applies the website's look: accent colour, corner, greeting. */
  look(color: string, position: string, greeting: string): void {
    const accent = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(color) ? color : '#2563eb';
    this._root.style.setProperty('--zendo-accent', accent);
    this._root.style.setProperty('--zendo-on-accent', readableTextColor(accent));
    this._root.setAttribute('data-position', position === 'left' ? 'left' : 'right');
    this.heading(greeting, '');
  }

  texts(t: Texts): void {
    this._t = t;
    this._launcher.setAttribute('aria-label', this.isOpen() ? t.close : t.open);
    this._closeButton.setAttribute('aria-label', t.close);
    this._soundButton.setAttribute('aria-label', t.sound);
    this._input.setAttribute('placeholder', t.placeholder);
    this._input.setAttribute('aria-label', t.message);
    this._composer.querySelector('.send')!.setAttribute('aria-label', t.send);
    this._transcript.textContent = t.transcript;
  }

  /**
   * The header: the agent's (or the greeting's) name and initial, covered by the agent's avatar once it loaded. An
   * image that failed (missing, or blocked by the page's CSP) is not asked for again: the initial stays.
   */
  heading(title: string, agentName: string, avatar = ''): void {
    this._title.textContent = agentName || title;
    this._initial.textContent = (agentName || title || 'Z').trim().charAt(0);
    const src = avatar && !this._failedImages[avatar] ? avatar : '';
    if (src === this._imageSrc) return;
    this._imageSrc = src;
    this._image.hidden = true;
    if (src) this._image.src = src;
    else this._image.removeAttribute('src');
  }

  setStatus(text: string): void {
    this._status.textContent = text;
  }

  isOpen(): boolean {
    return !this._panel.hidden;
  }

  setOpen(open: boolean, focus: boolean): void {
    if (open === this.isOpen()) return;
    this._panel.hidden = !open;
    this._launcher.setAttribute('aria-expanded', String(open));
    this._launcher.setAttribute('aria-label', open ? this._t.close : this._t.open);
    if (open) {
      this._log.scrollTop = this._log.scrollHeight;
      if (focus) (this._form.hidden ? this._input : (this._form.querySelector('input,textarea') as HTMLElement) || this._input).focus();
    } else if (focus) {
      this._launcher.focus();
    }
  }

  setUnread(count: number): void {
    this._badge.hidden = count === 0;
    this._badge.textContent = count > 9 ? '9+' : String(count);
    this._launcher.setAttribute('aria-label', (this.isOpen() ? this._t.close : this._t.open) + (count ? ', ' + fill(this._t.unread, { n: count }) : ''));
  }

  setSound(on: boolean): void {
    this._soundButton.setAttribute('aria-pressed', String(on));
  }

  /** A line under the log (queue position, errors); empty hides it. */
  setNotice(text: string, error = false): void {
    this._notice.hidden = !text;
    this._notice.textContent = text;
    this._notice.setAttribute('data-tone', error ? 'error' : 'info');
  }

  announce(text: string): void {
    this._live.textContent = text;
  }

  /** Shows the stored messages, then the outbox's, each once, in order. */
  render(messages: readonly Message[], pending: Pending[], agentReadSeq: number): void {
    const rows: Row[] = messages.map((m) => ({
      key: m.client_msg_id && m.author.kind === 'visitor' ? 'c' + m.client_msg_id : 'm' + m.id,
      author: m.author.kind === 'bot' ? 'agent' : m.author.kind,
      who: m.author.kind === 'visitor' || m.author.kind === 'system' ? '' : m.author.name || '',
      body: m.body,
      meta: m.author.kind === 'visitor' ? (m.seq <= agentReadSeq ? this._t.read : this._t.sent) : '',
      state: 'stored',
    }));
    pending.forEach((p) => rows.push({ key: 'c' + p.client_msg_id, author: 'visitor', who: '', body: p.body, meta: this._t.sending, state: 'pending' }));
    const next: Record<string, HTMLElement> = {};
    let before: ChildNode | null = this._log.firstChild;
    rows.forEach((row) => {
      if (next[row.key]) return;
      let li = this._rows[row.key];
      if (!li) {
        li = el('li', { class: 'msg', 'data-author': row.author }, [
          el('span', { class: 'who' }, [row.who]),
          el('p', { class: 'text' }, linkify(row.body)),
          el('span', { class: 'meta' }),
        ]);
        (li.firstChild as HTMLElement).hidden = !row.who;
      }
      li.setAttribute('data-state', row.state);
      (li.lastChild as HTMLElement).textContent = row.meta;
      next[row.key] = li;
      if (li !== before) this._log.insertBefore(li, before);
      else before = li.nextSibling;
    });
    Object.keys(this._rows).forEach((key) => {
      if (!next[key]) this._rows[key].remove();
    });
    this._rows = next;
    this._log.scrollTop = this._log.scrollHeight;
  }

  /** Shows the composer instead of a form. */
  hideForm(): void {
    this._form.hidden = true;
    this._composer.hidden = false;
    this._form.replaceChildren();
  }

  /** An error notice with a button that hides it and runs `again`. */
  retry(text: string, again: () => void): void {
    this.setNotice(text, true);
    const button = el('button', { type: 'button' }, [this._t.retry]);
    button.onclick = guard(() => {
      this.setNotice('');
      again();
    });
    this._notice.append(' ', button);
  }

  private _wire(): void {
    this._launcher.onclick = guard(() => this._actions.toggle(!this.isOpen()));
    this._closeButton.onclick = guard(() => this._actions.toggle(false));
    this._transcript.onclick = this._actions.transcript;
    this._soundButton.onclick = guard(() => this._actions.sound(this._soundButton.getAttribute('aria-pressed') !== 'true'));
    this._panel.onkeydown = guard((e: KeyboardEvent) => {
      if (e.key === 'Escape') this._actions.toggle(false);
    });
    const submit = () => {
      const body = this._input.value.trim();
      if (!body) return;
      this._input.value = '';
      this._actions.send(body);
    };
    this._composer.onsubmit = guard((e: Event) => {
      e.preventDefault();
      submit();
    });
    this._input.onkeydown = guard((e: KeyboardEvent) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        submit();
      }
    });
    this._input.oninput = guard(() => this._actions.typing(this._input.value));
  }
}
