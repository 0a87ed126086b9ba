// The mail the stack sent, as caught by its local GreenMail server and read through GreenMail's HTTP API
// (ZENDO_MAIL_API_URL): `GET /api/user/<email>/messages/INBOX` answers [{uid, subject, contentType, mimeMessage}].

/** GreenMail's API origin, e.g. http://127.0.0.1:8081 (make up prints where the caught mail is read). */
export function mailApiUrl() {
  const url = process.env.ZENDO_MAIL_API_URL;
  if (!url) throw new Error('ZENDO_MAIL_API_URL is not set: the browser tests read the caught mail through GreenMail\'s API');
  return url.replace(/\/$/, '');
}

/** Decodes quoted-printable text: soft line breaks (`=\r\n`) removed, `=XX` escapes as UTF-8 bytes. */
export function decodeQuotedPrintable(text) {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes = [];
  for (let i = 0; i < joined.length; ) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 3;
    } else {
      const char = String.fromCodePoint(joined.codePointAt(i));
      bytes.push(...Buffer.from(char, 'utf8'));
      i += char.length;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function splitHead(raw) {
  const match = /\r?\n\r?\n/.exec(raw);
  const head = match ? raw.slice(0, match.index) : raw;
  const body = match ? raw.slice(match.index + match[0].length) : '';
  const headers = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function decodeBody(body, encoding = '') {
  if (/quoted-printable/i.test(encoding)) return decodeQuotedPrintable(body);
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

/** The leaf parts of a raw MIME entity, decoded: [{type, text}] (type in lower case, e.g. `text/plain`). */
export function mimeParts(raw) {
  const { headers, body } = splitHead(raw);
  const contentType = headers['content-type'] ?? 'text/plain';
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type.startsWith('multipart/')) {
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
    if (!boundary) return [];
    const [, ...sections] = body.split(`--${boundary}`);
    return sections
      .filter((section) => !section.startsWith('--'))
      .flatMap((section) => mimeParts(section.replace(/^\r?\n/, '')));
  }
  return [{ type, text: decodeBody(body, headers['content-transfer-encoding']) }];
}

/** The caught mail of `email`, oldest first: [{uid, subject, text, html}] with the plain-text and HTML parts decoded. */
export async function mailOf(email) {
  const response = await fetch(`${mailApiUrl()}/api/user/${email}/messages/INBOX`, { headers: { Accept: 'application/json' } });
  if (response.status === 404) return [];
  if (!response.ok) throw new Error(`GreenMail answered ${response.status}: ${await response.text()}`);
  const messages = await response.json();
  return messages.map((message) => {
    const parts = mimeParts(message.mimeMessage);
    const of = (type) => parts.filter((part) => part.type === type).map((part) => part.text).join('\n');
    return { uid: message.uid, subject: message.subject, text: of('text/plain'), html: of('text/html') };
  });
}

/** Waits for the newest mail of `email` for which `matches(mail)` holds (polling every 250 ms up to `timeout` ms). */
export async function waitForMail(email, matches, { timeout = 30_000, what = 'a mail' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const found = (await mailOf(email)).filter(matches).at(-1);
      if (found) return found;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`no ${what} for ${email} within ${timeout} ms${last ? `: ${last.message}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The dashboard link to `path` (e.g. `/verify-email`) that a mail's plain text carries, with its `#token=…`; null when none. */
export function linkIn(mail, path) {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`https?://[^\\s"'<>]+${escaped}#token=[^\\s"'<>&]+`).exec(mail.text)?.[0] ?? null;
}

/** The verification mail of `email`. */
export const verificationMail = (email) =>
  waitForMail(email, (mail) => linkIn(mail, '/verify-email') !== null, { what: 'verification mail' });

/** The newest password reset mail of `email`. */
export const passwordResetMail = (email) =>
  waitForMail(email, (mail) => linkIn(mail, '/reset-password') !== null, { what: 'password reset mail' });

/** The 6-digit code of the newest sign-in code mail of `email` (a mail with six digits and no link) not among `seenUids`: {uid, code}. */
export async function signInCode(email, seenUids = []) {
  const mail = await waitForMail(
    email,
    (m) => !seenUids.includes(m.uid) && !linkIn(m, '/verify-email') && !linkIn(m, '/reset-password') && /\b\d{6}\b/.test(m.text),
    { what: 'sign-in code mail' },
  );
  return { uid: mail.uid, code: /\b(\d{6})\b/.exec(mail.text)[1] };
}
