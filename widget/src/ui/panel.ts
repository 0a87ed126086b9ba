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

/** A field of a form the panel shows (pre-chat or away). */
export interface FormField {
  name: string;
  label: string;
  type: 'text' | 'email' | 'tel' | 'textarea';
  required: boolean;
}

/** What the panel asks of the widget. */
export interface PanelActions {
  send(body: string): void;
  typing(draft: string): void;
  toggle(open: boolean): void;
  sound(on: boolean): void;
  rate(stars: number): void;
}

/** A message row: stored, or still in the outbox. */
type Row = { key: string; author: string; who: string; body: string; meta: string; state: string };

/** The launcher, the panel and everything in them, inside a Shadow DOM root; all user text goes in as text nodes. */
export class Panel {
  readonly host: HTMLElement;
  private readonly root: HTMLElement;
  private readonly panel: HTMLElement;
  private readonly launcher: HTMLButtonElement;
  private readonly badge: HTMLElement;
  private readonly avatar: HTMLElement;
  private readonly title: HTMLElement;
  private readonly status: HTMLElement;
  private readonly soundButton: HTMLButtonElement;
  private readonly closeButton: HTMLButtonElement;
  private readonly log: HTMLElement;
  private readonly notice: HTMLElement;
  private readonly rating: HTMLElement;
  private readonly form: HTMLFormElement;
  private readonly composer: HTMLFormElement;
  private readonly input: HTMLTextAreaElement;
  private readonly live: HTMLElement;
  private rows: Record<string, HTMLElement> = {};
  private t: Texts;

  constructor(private readonly doc: Document, texts: Texts, private readonly actions: PanelActions) {
    this.t = texts;
    this.host = doc.createElement('zendo-widget');
    const shadow = this.host.attachShadow({ mode: 'open' });
    adoptStyles(doc, shadow, STYLES);

    this.avatar = el(doc, 'span', { class: 'avatar', 'aria-hidden': 'true' });
    this.title = el(doc, 'p', { class: 'title', id: 'zendo-title' });
    this.status = el(doc, 'p', { class: 'status' });
    this.soundButton = el(doc, 'button', { type: 'button', class: 'icon sound', 'aria-pressed': 'false' }, [icon(doc, '', SOUND_ICON)]);
    this.closeButton = el(doc, 'button', { type: 'button', class: 'icon close' }, [icon(doc, '', CLOSE_ICON)]);
    this.log = el(doc, 'ol', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', tabindex: '0' });
    this.notice = el(doc, 'p', { class: 'notice', role: 'status' });
    this.rating = el(doc, 'div', { class: 'rating' });
    this.form = el(doc, 'form', { class: 'form', novalidate: '' });
    this.input = el(doc, 'textarea', { rows: '1', maxlength: '10000' });
    this.composer = el(doc, 'form', { class: 'composer' }, [
      this.input,
      el(doc, 'button', { type: 'submit', class: 'primary send' }, [icon(doc, '', SEND_ICON)]),
    ]);
    this.panel = el(doc, 'section', { id: 'zendo-panel', class: 'panel', role: 'dialog', 'aria-labelledby': 'zendo-title' }, [
      el(doc, 'header', { class: 'header' }, [
        this.avatar,
        el(doc, 'div', { class: 'titles' }, [this.title, this.status]),
        this.soundButton,
        this.closeButton,
      ]),
      this.log,
      this.notice,
      this.rating,
      this.form,
      this.composer,
    ]);
    this.badge = el(doc, 'span', { class: 'badge', 'aria-hidden': 'true' });
    this.launcher = el(doc, 'button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'zendo-panel' }, [
      icon(doc, 'icon-chat', CHAT_ICON),
      icon(doc, 'icon-close', CLOSE_ICON),
      this.badge,
    ]);
    this.live = el(doc, 'div', { class: 'sr', role: 'status', 'aria-live': 'polite' });
    this.root = el(doc, 'div', { class: 'zendo' }, [this.panel, this.launcher, this.live]);
    shadow.appendChild(this.root);
    [this.panel, this.badge, this.notice, this.rating, this.form].forEach((n) => (n.hidden = true));
    this.texts(texts);
    this.wire();
  }

  /** Applies the website's look: accent colour, corner, greeting. */
  look(color: string, position: string, greeting: string): void {
    const accent = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(color) ? color : '#2563eb';
    this.root.style.setProperty('--zendo-accent', accent);
    this.root.style.setProperty('--zendo-on-accent', readableTextColor(accent));
    this.root.setAttribute('data-position', position === 'left' ? 'left' : 'right');
    this.heading(greeting, '');
  }

  texts(t: Texts): void {
    this.t = t;
    this.launcher.setAttribute('aria-label', this.isOpen() ? t.close : t.open);
    this.closeButton.setAttribute('aria-label', t.close);
    this.soundButton.setAttribute('aria-label', t.sound);
    this.input.setAttribute('placeholder', t.placeholder);
    this.input.setAttribute('aria-label', t.message);
    this.composer.querySelector('.send')!.setAttribute('aria-label', t.send);
  }

  /** The header: the agent's (or the greeting's) name and initial. */
  heading(title: string, agentName: string): void {
    this.title.textContent = agentName || title;
    this.avatar.textContent = (agentName || title || 'Z').trim().charAt(0);
  }

  setStatus(text: string): void {
    this.status.textContent = text;
  }

  isOpen(): boolean {
    return !this.panel.hidden;
  }

  setOpen(open: boolean, focus: boolean): void {
    if (open === this.isOpen()) return;
    this.panel.hidden = !open;
    this.launcher.setAttribute('aria-expanded', String(open));
    this.launcher.setAttribute('aria-label', open ? this.t.close : this.t.open);
    if (open) {
      this.log.scrollTop = this.log.scrollHeight;
      if (focus) (this.form.hidden ? this.input : (this.form.querySelector('input,textarea') as HTMLElement) || this.input).focus();
    } else if (focus) {
      this.launcher.focus();
    }
  }

  setUnread(count: number): void {
    this.badge.hidden = count === 0;
    this.badge.textContent = count > 9 ? '9+' : String(count);
    this.launcher.setAttribute('aria-label', (this.isOpen() ? this.t.close : this.t.open) + (count ? ', ' + fill(this.t.unread, { n: count }) : ''));
  }

  setSound(on: boolean): void {
    this.soundButton.setAttribute('aria-pressed', String(on));
  }

  /** A line under the log (queue position, errors); empty hides it. */
  setNotice(text: string, error = false): void {
    this.notice.hidden = !text;
    this.notice.textContent = text;
    this.notice.setAttribute('data-tone', error ? 'error' : 'info');
  }

  announce(text: string): void {
    this.live.textContent = text;
  }

  /** Shows the stored messages, then the outbox's, each once, in order. */
  render(messages: readonly Message[], pending: Pending[], agentReadSeq: number): void {
    const rows: Row[] = messages.map((m) => ({
      key: m.client_msg_id && m.author.kind === 'visitor' ? 'c' + m.client_msg_id : 'm' + m.id,
      author: m.author.kind === 'bot' ? 'agent' : m.author.kind,
      who: m.author.kind === 'visitor' || m.author.kind === 'system' ? '' : m.author.name || '',
      body: m.body,
      meta: m.author.kind === 'visitor' ? (m.seq <= agentReadSeq ? this.t.read : this.t.sent) : '',
      state: 'stored',
    }));
    pending.forEach((p) => rows.push({ key: 'c' + p.client_msg_id, author: 'visitor', who: '', body: p.body, meta: this.t.sending, state: 'pending' }));
    const next: Record<string, HTMLElement> = {};
    let before: ChildNode | null = this.log.firstChild;
    rows.forEach((row) => {
      if (next[row.key]) return;
      let li = this.rows[row.key];
      if (!li) {
        li = el(this.doc, 'li', { class: 'msg', 'data-author': row.author }, [
          el(this.doc, 'span', { class: 'who' }, [row.who]),
          el(this.doc, 'p', { class: 'text' }, linkify(this.doc, row.body)),
          el(this.doc, 'span', { class: 'meta' }),
        ]);
        (li.firstChild as HTMLElement).hidden = !row.who;
      }
      li.setAttribute('data-state', row.state);
      (li.lastChild as HTMLElement).textContent = row.meta;
      next[row.key] = li;
      if (li !== before) this.log.insertBefore(li, before);
      else before = li.nextSibling;
    });
    Object.keys(this.rows).forEach((key) => {
      if (!next[key]) this.rows[key].remove();
    });
    this.rows = next;
    this.log.scrollTop = this.log.scrollHeight;
  }

  /** Shows a form instead of the composer; `null` hides it. The submit gets the values by field name. */
  showForm(title: string, fields: FormField[] | null, submit: string, done?: (values: Record<string, string>) => void): void {
    this.form.hidden = !fields;
    this.composer.hidden = !!fields;
    while (this.form.firstChild) this.form.firstChild.remove();
    if (!fields || !done) return;
    const inputs = fields.map((f) => {
      const input = f.type === 'textarea' ? el(this.doc, 'textarea', { rows: '3', maxlength: '10000' }) : el(this.doc, 'input', { type: f.type });
      input.name = f.name;
      input.required = f.required;
      return input;
    });
    this.form.appendChild(el(this.doc, 'p', { class: 'title' }, [title]));
    fields.forEach((f, i) => this.form.appendChild(el(this.doc, 'label', {}, [f.label + (f.required ? ' *' : ''), inputs[i]])));
    this.form.appendChild(el(this.doc, 'button', { type: 'submit', class: 'primary' }, [submit]));
    this.form.onsubmit = guard((e: Event) => {
      e.preventDefault();
      const bad = inputs.filter((i) => !i.checkValidity())[0];
      if (bad) {
        bad.setAttribute('aria-invalid', 'true');
        bad.focus();
        return;
      }
      const values: Record<string, string> = {};
      inputs.forEach((i) => (values[i.name] = i.value.trim()));
      done(values);
    });
  }

  /** Offers 1–5 stars for the ended thread; `thanks` replaces them once rated; neither hides it. */
  showRating(mode: 'ask' | 'thanks' | 'none'): void {
    this.rating.hidden = mode === 'none';
    while (this.rating.firstChild) this.rating.firstChild.remove();
    if (mode === 'thanks') this.rating.appendChild(el(this.doc, 'p', {}, [this.t.thanks]));
    if (mode !== 'ask') return;
    const stars = el(this.doc, 'div', { class: 'stars', role: 'group', 'aria-label': this.t.rate });
    [1, 2, 3, 4, 5].forEach((n) => {
      const b = el(this.doc, 'button', { type: 'button', 'aria-label': fill(this.t.stars, { n }) }, ['★']);
      b.addEventListener('click', guard(() => this.actions.rate(n)));
      stars.appendChild(b);
    });
    this.rating.appendChild(el(this.doc, 'p', {}, [this.t.rate]));
    this.rating.appendChild(stars);
  }

  private wire(): void {
    this.launcher.addEventListener('click', guard(() => this.actions.toggle(!this.isOpen())));
    this.closeButton.addEventListener('click', guard(() => this.actions.toggle(false)));
    this.soundButton.addEventListener('click', guard(() => this.actions.sound(this.soundButton.getAttribute('aria-pressed') !== 'true')));
    this.panel.addEventListener('keydown', guard((e: KeyboardEvent) => {
      if (e.key === 'Escape') this.actions.toggle(false);
    }));
    const submit = () => {
      const body = this.input.value.trim();
      if (!body) return;
      this.input.value = '';
      this.actions.send(body);
    };
    this.composer.addEventListener('submit', guard((e: Event) => {
      e.preventDefault();
      submit();
    }));
    this.input.addEventListener('keydown', guard((e: KeyboardEvent) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        submit();
      }
    }));
    this.input.addEventListener('input', guard(() => this.actions.typing(this.input.value)));
  }
}
