import type { WidgetView } from '../commands';
import type { BootOptions } from '../options';
import { readableTextColor } from '../color';
import { guard } from '../log';
import { el, icon, whenBodyReady } from './dom';
import { STYLES } from './styles';

const CHAT_ICON = 'M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z';
const CLOSE_ICON = 'M6 6l12 12M18 6L6 18';

/** Mounts the launcher and the chat panel in a shadow root appended to `doc.body`. */
export function mountWidget(options: BootOptions, doc: Document = document): WidgetView {
  const host = doc.createElement('zendo-widget');
  const shadow = host.attachShadow({ mode: 'open' });

  const closeButton = el(doc, 'button', { type: 'button', class: 'close', 'aria-label': 'Close chat' }, [
    icon(doc, 'icon', CLOSE_ICON),
  ]);
  const panel = el(doc, 'section', { id: 'zendo-panel', class: 'panel', role: 'dialog', 'aria-label': 'Chat' }, [
    el(doc, 'header', { class: 'header' }, [el(doc, 'p', { class: 'greeting' }, [options.greeting]), closeButton]),
    el(doc, 'div', { class: 'body' }, [
      el(doc, 'p', { class: 'notice-title' }, ['Chat is not connected yet']),
      el(doc, 'p', { class: 'notice-text' }, ['Live messaging is not available in this version of Zendo.']),
    ]),
    el(doc, 'div', { class: 'composer' }, [
      el(doc, 'input', { type: 'text', disabled: '', placeholder: 'Messaging is not available yet', 'aria-label': 'Message' }),
    ]),
  ]);
  panel.hidden = true;

  const launcher = el(
    doc,
    'button',
    { type: 'button', class: 'launcher', 'aria-label': 'Open chat', 'aria-expanded': 'false', 'aria-controls': 'zendo-panel' },
    [icon(doc, 'icon-chat', CHAT_ICON), icon(doc, 'icon-close', CLOSE_ICON)],
  );

  const root = el(doc, 'div', { class: 'zendo', 'data-position': options.position }, [panel, launcher]);
  root.style.setProperty('--zendo-accent', options.color);
  root.style.setProperty('--zendo-on-accent', readableTextColor(options.color));
  shadow.appendChild(el(doc, 'style', {}, [STYLES]));
  shadow.appendChild(root);

  const setOpen = (open: boolean) => {
    panel.hidden = !open;
    launcher.setAttribute('aria-expanded', String(open));
    launcher.setAttribute('aria-label', open ? 'Close chat' : 'Open chat');
  };
  const closeAndRefocus = () => {
    setOpen(false);
    launcher.focus();
  };

  launcher.addEventListener(
    'click',
    guard(() => {
      setOpen(panel.hidden);
      if (!panel.hidden) closeButton.focus();
    }),
  );
  closeButton.addEventListener('click', guard(closeAndRefocus));
  panel.addEventListener(
    'keydown',
    guard((event: KeyboardEvent) => {
      if (event.key === 'Escape') closeAndRefocus();
    }),
  );

  let destroyed = false;
  whenBodyReady(
    doc,
    guard(() => {
      if (!destroyed) doc.body.appendChild(host);
    }),
  );

  return {
    open: () => setOpen(true),
    close: () => setOpen(false),
    destroy: () => {
      destroyed = true;
      host.remove();
    },
  };
}
