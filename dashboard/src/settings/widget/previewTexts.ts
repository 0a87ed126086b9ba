/** The widget's own words the preview shows, in the languages the widget speaks (widget/src/i18n.ts). */
export type PreviewTexts = {
  online: string;
  away: string;
  placeholder: string;
  name: string;
  email: string;
  message: string;
  start: string;
  leave: string;
};

const TEXTS: Record<string, PreviewTexts> = {
  en: {
    online: 'We reply in a few minutes',
    away: 'Nobody is online right now',
    placeholder: 'Write a message…',
    name: 'Name',
    email: 'Email',
    message: 'Message',
    start: 'Start chat',
    leave: 'Leave a message',
  },
  de: {
    online: 'Wir antworten in wenigen Minuten',
    away: 'Gerade ist niemand online',
    placeholder: 'Nachricht schreiben…',
    name: 'Name',
    email: 'E-Mail',
    message: 'Nachricht',
    start: 'Chat starten',
    leave: 'Nachricht hinterlassen',
  },
  es: {
    online: 'Respondemos en unos minutos',
    away: 'No hay nadie conectado ahora',
    placeholder: 'Escribe un mensaje…',
    name: 'Nombre',
    email: 'Correo electrónico',
    message: 'Mensaje',
    start: 'Empezar chat',
    leave: 'Dejar un mensaje',
  },
};

/** The texts for a website language tag (`pt-BR` → `pt`), English when the widget does not speak it. */
export function previewTexts(language: string | undefined): PreviewTexts {
  const primary = (language ?? '').toLowerCase().split('-')[0];
  return TEXTS[primary] ?? TEXTS.en;
}
