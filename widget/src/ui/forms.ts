import { fill, type Texts } from '../i18n';
import { guard } from '../log';
import { adoptStyles, el } from './dom';
import type { Panel } from './panel';

/** Styles only the forms and the rating need, added to the panel's shadow root with them. */
const STYLES = `
label{display:flex;flex-direction:column;gap:2px;font-size:12px}
input{width:100%;padding:9px 11px;border:1px solid #d1d5db;border-radius:10px;font:inherit;color:inherit;background:#fff}
.rating{text-align:center}
.stars{display:flex;justify-content:center;gap:4px}
.stars button{width:36px;height:36px;border-radius:8px;background:#f3f4f6;font-size:18px}
`;

/** A field of a form the panel shows (pre-chat or away). */
export interface FormField {
  name: string;
  label: string;
  type: 'text' | 'email' | 'tel' | 'textarea';
  required: boolean;
}

/** A pre-chat field as the website's settings describe it. */
export interface PreChatField {
  kind: string;
  label: string;
  required: boolean;
}

let styled: ShadowRoot | null = null;

function style(panel: Panel): void {
  const shadow = panel.host.shadowRoot!;
  if (styled === shadow) return;
  styled = shadow;
  const sheets = shadow.adoptedStyleSheets;
  adoptStyles(shadow, STYLES);
  shadow.adoptedStyleSheets = sheets.concat(shadow.adoptedStyleSheets);
}

/** Shows a form instead of the composer; the submit gets the values by field name once every field is valid. */
export function showForm(panel: Panel, title: string, fields: FormField[], submit: string, done: (values: Record<string, string>) => void): void {
  style(panel);
  const form = panel._form;
  form.hidden = false;
  panel._composer.hidden = true;
  const inputs = fields.map((f) => {
    const input = f.type === 'textarea' ? el('textarea', { rows: '3', maxlength: '10000' }) : el('input', { type: f.type });
    input.name = f.name;
    input.required = f.required;
    return input;
  });
  form.replaceChildren(
    el('p', { class: 'title' }, [title]),
    ...fields.map((f, i) => el('label', {}, [f.label + (f.required ? ' *' : ''), inputs[i]])),
    el('button', { type: 'submit', class: 'primary' }, [submit]),
  );
  form.onsubmit = guard((e: Event) => {
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
  if (panel.isOpen()) (inputs[0] || form).focus();
}

/** The away form: name, email and message, for when no agent is online. */
export function showAwayForm(panel: Panel, t: Texts, title: string, done: (values: Record<string, string>) => void): void {
  showForm(
    panel,
    title,
    [
      { name: 'name', label: t.name, type: 'text', required: false },
      { name: 'email', label: t.email, type: 'email', required: true },
      { name: 'body', label: t.message, type: 'textarea', required: true },
    ],
    t.leave,
    done,
  );
}

function attributeKey(label: string, i: number): string {
  const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 36);
  return /^[a-z]/.test(slug) ? slug : 'field_' + i;
}

/**
 * The website's pre-chat form; the submit gets the visitor patch for `PATCH /v1/widget/visitor`: name, email and
 * phone as such, custom fields as attributes keyed by their label.
 */
export function showPreChatForm(panel: Panel, t: Texts, title: string, preChat: PreChatField[], done: (patch: Record<string, unknown>) => void): void {
  const kinds: Record<string, FormField['type']> = { email: 'email', phone: 'tel' };
  const fields = preChat.map((f, i) => ({
    name: f.kind === 'custom' ? attributeKey(f.label, i) : f.kind,
    label: f.label,
    type: kinds[f.kind] || 'text',
    required: f.required,
  }));
  showForm(panel, title, fields, t.start, (v) => {
    const patch: Record<string, unknown> = {};
    const attributes: Record<string, string> = {};
    fields.forEach((f, i) => {
      if (!v[f.name]) return;
      if (preChat[i].kind === 'custom') attributes[f.name] = v[f.name];
      else patch[preChat[i].kind] = v[f.name];
    });
    if (Object.keys(attributes).length) patch.attributes = attributes;
    done(patch);
  });
}

/** Offers 1–5 stars for the ended thread, or (`thanks`) thanks for the rating given. */
export function showRating(panel: Panel, t: Texts, thanks: boolean, rate: (stars: number) => void): void {
  style(panel);
  const rating = panel._rating;
  rating.hidden = false;
  if (thanks) {
    rating.replaceChildren(el('p', {}, [t.thanks]));
    return;
  }
  const stars = [1, 2, 3, 4, 5].map((n) => {
    const b = el('button', { type: 'button', 'aria-label': fill(t.stars, { n }) }, ['★']);
    b.onclick = guard(() => rate(n));
    return b;
  });
  rating.replaceChildren(el('p', {}, [t.rate]), el('div', { class: 'stars', role: 'group', 'aria-label': t.rate }, stars));
}
