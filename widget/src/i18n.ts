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
  retry: string;
  transcript: string;
}

/** The English texts, built into the bundle. */
export const en: Texts = {
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
  retry: 'Try again',
  transcript: 'Email me the transcript',
};

/**
 * The English words only the transcript form needs: only the on-demand chunk uses them, so they stay out of the
 * widget bundle; `lang/<code>.json` has them for the other languages.
 */
export const TRANSCRIPT_TEXTS = {
  transcriptPending: 'We’ll email the transcript when the chat ends.',
  transcriptSent: 'The transcript is on its way to your inbox.',
  cancel: 'Cancel',
};

/** The languages the widget speaks; all but English are fetched on demand from `lang/<code>.json` beside the bundle. */
export const LANGUAGES = ['en', 'de', 'es'];

/** The visitor's browser language when the widget speaks it, else the website's language, else English. */
export function pickLanguage(browser: readonly string[], website: string | undefined): string {
  for (const tag of browser.concat(website || [])) {
    const primary = String(tag).toLowerCase().split('-')[0];
    if (LANGUAGES.indexOf(primary) >= 0) return primary;
  }
  return 'en';
}

const loaded: Record<string, Promise<Texts>> = {};

/**
 * The texts of a language, fetched once from `dir` (a URL ending in `/`). English when they cannot be had (tried
 * again next time) or take longer than `waitMs` (a later call gets them once they are there).
 */
export function loadTexts(dir: string, code: string, waitMs = 3000): Promise<Texts> {
  if (code === 'en') return Promise.resolve(en);
  const texts = (loaded[code] = loaded[code] || fetch(dir + code + '.json')
    .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
    .then((json: Partial<Texts>) => Object.assign({}, en, json))
    .catch(() => {
      delete loaded[code];
      return en;
    }));
  return Promise.race([texts, new Promise<Texts>((resolve) => setTimeout(resolve, waitMs, en))]);
}

/** Fills `{key}` placeholders. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
}
