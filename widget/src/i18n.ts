/** The widget's texts in one language; `{n}` and `{name}` are filled in. */
export interface Texts {
  open: string;
  close: string;
  send: string;
  placeholder: string;
  message: string;
  you: string;
  sending: string;
  sent: string;
  read: string;
  failed: string;
  connecting: string;
  online: string;
  away: string;
  typing: string;
  queue: string;
  name: string;
  email: string;
  phone: string;
  start: string;
  leave: string;
  left: string;
  rate: string;
  thanks: string;
  stars: string;
  sound: string;
  error: string;
  slow: string;
  unread: string;
}

const en: Texts = {
  open: 'Open chat',
  close: 'Close chat',
  send: 'Send',
  placeholder: 'Write a message…',
  message: 'Message',
  you: 'You',
  sending: 'Sending…',
  sent: 'Sent',
  read: 'Read',
  failed: 'Not sent',
  connecting: 'Connecting…',
  online: 'We reply in a few minutes',
  away: 'Nobody is online right now',
  typing: '{name} is typing…',
  queue: 'You are number {n} in the queue',
  name: 'Name',
  email: 'Email',
  phone: 'Phone',
  start: 'Start chat',
  leave: 'Leave a message',
  left: 'Thanks! We will answer by email.',
  rate: 'How was this conversation?',
  thanks: 'Thank you for your rating!',
  stars: '{n} of 5',
  sound: 'Sound',
  error: 'Something went wrong. Please try again.',
  slow: 'Too many messages: retrying in {n} s',
  unread: '{n} unread messages',
};

const de: Texts = {
  open: 'Chat öffnen',
  close: 'Chat schließen',
  send: 'Senden',
  placeholder: 'Nachricht schreiben…',
  message: 'Nachricht',
  you: 'Sie',
  sending: 'Wird gesendet…',
  sent: 'Gesendet',
  read: 'Gelesen',
  failed: 'Nicht gesendet',
  connecting: 'Verbinde…',
  online: 'Wir antworten in wenigen Minuten',
  away: 'Gerade ist niemand online',
  typing: '{name} schreibt…',
  queue: 'Sie sind Nummer {n} in der Warteschlange',
  name: 'Name',
  email: 'E-Mail',
  phone: 'Telefon',
  start: 'Chat starten',
  leave: 'Nachricht hinterlassen',
  left: 'Danke! Wir antworten per E-Mail.',
  rate: 'Wie war dieses Gespräch?',
  thanks: 'Danke für Ihre Bewertung!',
  stars: '{n} von 5',
  sound: 'Ton',
  error: 'Etwas ist schiefgelaufen. Bitte erneut versuchen.',
  slow: 'Zu viele Nachrichten: neuer Versuch in {n} s',
  unread: '{n} ungelesene Nachrichten',
};

const es: Texts = {
  open: 'Abrir chat',
  close: 'Cerrar chat',
  send: 'Enviar',
  placeholder: 'Escribe un mensaje…',
  message: 'Mensaje',
  you: 'Tú',
  sending: 'Enviando…',
  sent: 'Enviado',
  read: 'Leído',
  failed: 'No enviado',
  connecting: 'Conectando…',
  online: 'Respondemos en unos minutos',
  away: 'No hay nadie conectado ahora',
  typing: '{name} está escribiendo…',
  queue: 'Eres el número {n} en la cola',
  name: 'Nombre',
  email: 'Correo electrónico',
  phone: 'Teléfono',
  start: 'Empezar chat',
  leave: 'Dejar un mensaje',
  left: '¡Gracias! Responderemos por correo.',
  rate: '¿Qué tal fue esta conversación?',
  thanks: '¡Gracias por tu valoración!',
  stars: '{n} de 5',
  sound: 'Sonido',
  error: 'Algo salió mal. Inténtalo de nuevo.',
  slow: 'Demasiados mensajes: reintento en {n} s',
  unread: '{n} mensajes sin leer',
};

/** The languages the widget speaks, by primary language subtag. */
export const LANGUAGES: Record<string, Texts> = { en, de, es };

/** The visitor's browser language when the widget speaks it, else the website's language, else English. */
export function pickTexts(browser: readonly string[], website: string | undefined): Texts {
  const tags = browser.concat(website || []);
  for (const tag of tags) {
    const primary = String(tag).toLowerCase().split('-')[0];
    if (LANGUAGES[primary]) return LANGUAGES[primary];
  }
  return en;
}

/** Fills `{key}` placeholders. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
}
